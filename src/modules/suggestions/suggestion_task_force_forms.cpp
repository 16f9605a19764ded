#include "modules/suggestions/suggestion_task_force_forms.hpp"

#include <utility>
#include <vector>

#include "core/korean_text.hpp"
#include "platform/web/params.hpp"

namespace sotong::suggestions {
namespace {

std::string field(const JsonFields& fields, const char* name) {
  auto it = fields.find(name);
  return it == fields.end() ? "" : it->second;
}

}  // namespace

TaskForceInput task_force_from_form(const http::Form& form) {
  return {form.get("name"), form.get("issue"), form.all("suggestion_ids")};
}

MemberInput member_from_form(const http::Form& form) {
  return {form.get("account_id"), form.get("role")};
}

ExpertInput expert_from_form(const http::Form& form) {
  return {form.get("name"), form.get("affiliation"), form.get("field"), form.get("role")};
}

FieldCheckInput field_check_from_form(const http::Form& form) {
  return {form.get("date"), form.get("place"), form.get("participants"), form.get("findings")};
}

ReportInput report_from_form(const http::Form& form) {
  return {form.get("date"), form.get("text"), form.get("percent")};
}

ClosureInput closure_from_form(const http::Form& form) {
  return {form.get("result"), form.get("text")};
}

TaskForceInput task_force_from_json(const JsonFields& f) {
  // The ids arrive one per line; the rule reads line breaks as separators too.
  return {field(f, "name"), field(f, "issue"), {field(f, "suggestion_ids")}};
}

MemberInput member_from_json(const JsonFields& f) {
  return {field(f, "account_id"), field(f, "role")};
}

ExpertInput expert_from_json(const JsonFields& f) {
  return {field(f, "name"), field(f, "affiliation"), field(f, "field"), field(f, "role")};
}

FieldCheckInput field_check_from_json(const JsonFields& f) {
  return {field(f, "date"), field(f, "place"), field(f, "participants"), field(f, "findings")};
}

ReportInput report_from_json(const JsonFields& f) {
  return {field(f, "date"), field(f, "text"), field(f, "percent")};
}

ClosureInput closure_from_json(const JsonFields& f) {
  return {field(f, "result"), field(f, "text")};
}

Result<TaskForceFilter> read_task_force_filter(const http::Form& query) {
  TaskForceFilter out;
  std::vector<FieldError> errors;
  if (const auto s = trim(query.get("status")); !s.empty()) {
    out.status = from_code<TaskForceStatus>(kTaskForceStatuses, s);
    if (!out.status) errors.push_back({"status", "상태를 구성, 활동중, 종료 가운데에서 골라 주십시오."});
  }
  if (const auto cursor = trim(query.get("after")); !cursor.empty()) {
    if (auto id = platform::parse_id(cursor))
      out.after = *id;
    else
      errors.push_back({"after", "다음 쪽 위치가 올바르지 않습니다. 목록을 처음부터 다시 열어 주십시오."});
  }
  if (!errors.empty()) return Error::invalid("목록 조건을 확인해 주십시오.", std::move(errors));
  return out;
}

}  // namespace sotong::suggestions
