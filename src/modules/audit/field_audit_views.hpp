// What the pages and the API of field audits and findings show: records → template views and JSON objects,
// and the figures as an export table. No requests, no services: the routes call these after a service.
#pragma once

#include <boost/json.hpp>
#include <vector>

#include "core/result.hpp"
#include "modules/audit/field_audit.hpp"
#include "modules/audit/field_audit_service.hpp"
#include "modules/audit/finding_service.hpp"
#include "platform/exports/table.hpp"
#include "platform/organizations/organization.hpp"
#include "platform/policy.hpp"
#include "render/view.hpp"

namespace sotong::audit {

/// The plan form: the fields as typed, the lists to pick from with the chosen item selected, the errors, and
/// the 「그래도 저장」 box when a schedule warning came back.
render::View plan_form_view(const AuditPlanInput& input,
                            const std::vector<platform::Organization>& organizations,
                            const std::vector<FieldError>& errors);
/// A stored plan as the edit form shows it.
AuditPlanInput plan_input_of(const FieldAudit& audit);

render::View audit_list_view(const FieldAuditPage& page, const AuditFilter& filter,
                             const std::vector<platform::Organization>& organizations);
render::View audit_detail_view(const FieldAuditDetail& detail, const std::vector<Finding>& findings,
                               const platform::Policy& policy, const Actor& actor,
                               const OpinionInput& opinion, const std::vector<FieldError>& errors);
/// The year's calendar: one row per organisation with audits, one column per month, and the warnings.
render::View calendar_view(const AuditCalendar& calendar);

render::View finding_form_view(const FieldAudit& audit, const FindingInput& input,
                               const std::vector<FieldError>& errors);
render::View finding_list_view(const FindingPage& page, FindingView view);
render::View finding_detail_view(const FindingDetail& detail, const platform::Policy& policy,
                                 const Actor& actor);
render::View figures_view(const FieldFigures& figures);
/// The figures as a download (CSV or XLSX).
platform::exports::Table figures_table(const FieldFigures& figures);

boost::json::object audit_json(const FieldAudit& audit);
boost::json::object finding_json(const Finding& finding);

}  // namespace sotong::audit
