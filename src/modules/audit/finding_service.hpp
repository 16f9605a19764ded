// Use cases of a field audit's findings (지적사항) and their follow-up until done: the audit office records a
// finding (also handed over by another part of the module: create_finding), the audited organisation reports
// what it did, the audit office confirms it or returns it with a reason; the year's figures per organisation.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "modules/audit/field_audit.hpp"
#include "modules/audit/finding_rules.hpp"
#include "platform/policy.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::audit {

inline constexpr const char* kFindingNotFound = "찾으시는 지적사항이 없거나 볼 수 있는 범위 밖에 있습니다.";
inline constexpr const char* kFindingSearchSource = "audit_findings";
inline constexpr const char* kFindingsHref = "/audit/field/findings";
/// The attachment owner of a finding's follow-up documents.
inline constexpr const char* kFindingAttachmentOwner = "audit_finding";

/// "/audit/field/findings/7"
std::string finding_href(std::int64_t id);

/// Which findings a list shows.
enum class FindingView { all, waiting, reported, overdue, done };

inline constexpr std::array<Term<FindingView>, 5> kFindingViews = {{
    {FindingView::all, "all", "전체"},
    {FindingView::waiting, "waiting", "조치 보고 대기"},
    {FindingView::reported, "reported", "확인 대기"},
    {FindingView::overdue, "overdue", "기한 지남"},
    {FindingView::done, "done", "조치 완료"},
}};

struct FindingPage {
  std::vector<Finding> items;
  std::int64_t next_before = 0;
};

struct FindingDetail {
  Finding finding;
  std::vector<FollowUp> follow_ups;
};

/// Records a finding of an audit (agreed or done) for the audited organisation, which is told: forbidden
/// without kFieldManage, not_found for an audit out of reach, conflict for an audit still in consultation or
/// cancelled, field errors for bad input. Called by the finding form and by the data-linkage hand-off (whose
/// `source` says where the finding came from). History and search commit with it.
Result<std::int64_t> create_finding(const platform::ServiceContext& svc, std::int64_t field_audit_id,
                                    const FindingInput& input);
/// The same inside the caller's transaction, so that a hand-off records the finding and marks its source in
/// one write; on an error the caller's transaction must roll back (Database::write does, for a Result).
Result<std::int64_t> create_finding(store::Connection& c, const platform::ServiceContext& svc,
                                    std::int64_t field_audit_id, const FindingInput& input);

/// The findings the actor may view in `view`, newest first.
Result<FindingPage> list_findings(const platform::ServiceContext& svc, FindingView view,
                                  std::int64_t before_id, std::int64_t page_size);
/// The audit's findings (the caller has checked the audit is in reach), overdue marked.
std::vector<Finding> findings_of_audit(store::Database& db, std::int64_t field_audit_id);

/// One finding with its follow-up; not_found when out of reach.
Result<FindingDetail> get_finding(const platform::ServiceContext& svc, std::int64_t id);

/// The audited organisation reports what it did (kFieldRespond); the planner is told.
Result<void> report_finding_action(const platform::ServiceContext& svc, std::int64_t id,
                                   const std::string& body);
/// The audit office confirms the report: 조치 완료; the organisation is told.
Result<void> confirm_finding_action(const platform::ServiceContext& svc, std::int64_t id);
/// The audit office returns the report with a reason (보완 요구); the organisation is told.
Result<void> return_finding_action(const platform::ServiceContext& svc, std::int64_t id,
                                   const std::string& reason);

/// One organisation's row of the year's figures.
struct FigureRow {
  std::int64_t organization_id = 0;
  std::string organization_name;
  std::int64_t audits = 0;
  std::int64_t findings = 0;
  std::int64_t amount = 0;
  std::int64_t done = 0;
  std::int64_t overdue = 0;
};
struct FieldFigures {
  int year = 0;
  std::vector<FigureRow> rows;  // every 시·군 and bureau in reach with an audit in the year
  FigureRow total;
};
/// Audits, findings, amounts, completed and overdue follow-ups of the year's audits per audited organisation,
/// as far as the actor may see (a 시·군 only its own row).
Result<FieldFigures> field_figures(const platform::ServiceContext& svc, int year);

/// How many findings of the actor's reach are in `view` (home tasks).
std::int64_t count_findings(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                            FindingView view);

/// May the actor see the finding (its audit's organisation in reach of kFieldView)? For attachments.
bool may_view_finding(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                      std::int64_t id);
/// May the actor add or delete the finding's documents: the audited organisation while it is not done, or
/// the audit office.
bool may_change_finding_files(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                              std::int64_t id);

void index_finding(store::Connection& c, const Finding& finding);
void reindex_findings(store::Connection& c);

}  // namespace sotong::audit
