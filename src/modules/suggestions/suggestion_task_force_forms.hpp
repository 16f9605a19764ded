// Request fields of 문제해결형 TFT (task forces) → the typed inputs the rules check, from a form or from a
// JSON body (the API names its fields as the forms do), and the list's query. Nothing is judged here beyond
// the shape of a value; the rules decide.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "http/form.hpp"
#include "modules/suggestions/suggestion_task_force.hpp"

namespace sotong::suggestions {

using JsonFields = std::map<std::string, std::string>;

TaskForceInput task_force_from_form(const http::Form& form);
MemberInput member_from_form(const http::Form& form);
ExpertInput expert_from_form(const http::Form& form);
FieldCheckInput field_check_from_form(const http::Form& form);
ReportInput report_from_form(const http::Form& form);
ClosureInput closure_from_form(const http::Form& form);

/// The same from fields read by platform::read_json_fields (lists arrive joined by "\n").
TaskForceInput task_force_from_json(const JsonFields& fields);
MemberInput member_from_json(const JsonFields& fields);
ExpertInput expert_from_json(const JsonFields& fields);
FieldCheckInput field_check_from_json(const JsonFields& fields);
ReportInput report_from_json(const JsonFields& fields);
ClosureInput closure_from_json(const JsonFields& fields);

/// The list's query: status (formed, active, closed) and the keyset cursor (after=ID). A value that is not
/// one of the choices is a Korean field error naming the parameter.
struct TaskForceFilter {
  std::optional<TaskForceStatus> status;
  std::int64_t after = 0;
};
Result<TaskForceFilter> read_task_force_filter(const http::Form& query);

}  // namespace sotong::suggestions
