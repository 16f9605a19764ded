#include "modules/audit/field_audit_forms.hpp"

#include <charconv>

#include "platform/web/params.hpp"

namespace sotong::audit {

AuditPlanInput plan_input_from_form(const http::Form& form) {
  return {form.get("organization_id"),
          form.get("title"),
          form.get("kind"),
          form.get("purpose"),
          form.get("areas"),
          form.get("method"),
          form.get("method_note"),
          form.get("start_date"),
          form.get("end_date"),
          form.get("team"),
          form.get("note"),
          form.get("confirm_conflict") == "1"};
}

OpinionInput opinion_input_from_form(const http::Form& form) {
  return {form.get("topic"), form.get("body")};
}

FindingInput finding_input_from_form(const http::Form& form) {
  return {form.get("title"),          form.get("case_type"), form.get("description"), form.get("amount"),
          form.get("recommendation"), form.get("action"),    form.get("due_date"),    form.get("source")};
}

std::int64_t read_before(const http::Form& query) {
  return platform::parse_id(query.get("before")).value_or(0);
}

Result<std::optional<int>> read_year(const http::Form& query, std::optional<int> fallback) {
  const std::string text = query.get("year");
  if (text.empty()) return fallback;
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || end != text.data() + text.size() || text.size() != 4 || year < 2000)
    return Error::invalid("연도가 올바르지 않습니다.",
                          {{"year", "연도는 2026처럼 네 자리 숫자로 입력해 주십시오."}});
  return std::optional<int>(year);
}

Result<AuditFilter> read_audit_filter(const http::Form& query) {
  AuditFilter filter;
  auto year = read_year(query, std::nullopt);
  if (!year) return year.error();
  filter.year = *year;
  const std::string organization = query.get("organization_id");
  if (!organization.empty()) {
    auto id = platform::parse_id(organization);
    if (!id)
      return Error::invalid("기관이 올바르지 않습니다.",
                            {{"organization_id", "기관을 목록에서 골라 주십시오."}});
    filter.organization_id = *id;
  }
  const std::string state = query.get("state");
  if (!state.empty()) {
    filter.state = from_code<AuditState>(kAuditStates, state);
    if (!filter.state)
      return Error::invalid("상태가 올바르지 않습니다.", {{"state", "상태를 목록에서 골라 주십시오."}});
  }
  filter.before_id = read_before(query);
  return filter;
}

Result<FindingView> read_finding_view(const http::Form& query) {
  const std::string code = query.get("status");
  if (code.empty()) return FindingView::all;
  if (auto view = from_code<FindingView>(kFindingViews, code)) return *view;
  return Error::invalid("상태가 올바르지 않습니다.", {{"status", "상태를 목록에서 골라 주십시오."}});
}

}  // namespace sotong::audit
