#include "modules/suggestions/suggestion_forms.hpp"

#include <sstream>

#include "core/korean_text.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/web/params.hpp"

namespace sotong::suggestions {
namespace {

std::vector<std::string> lines(const std::string& joined) {
  std::vector<std::string> out;
  std::istringstream in(joined);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

std::string field(const std::map<std::string, std::string>& fields, const char* name) {
  auto it = fields.find(name);
  return it == fields.end() ? "" : it->second;
}

}  // namespace

SuggestionInput input_from_form(const http::Form& form) {
  return {form.get("title"),     form.get("content"),          form.get("domain"),
          form.all("concerned"), form.get("addressed_bureau"), form.get("desired_date"),
          form.get("channel"),   form.get("on_behalf_of")};
}

DecisionInput decision_from_form(const http::Form& form) {
  return {form.get("action"),       form.get("reason"),       form.get("lead_bureau"),
          form.all("cooperating"),  form.get("working_days"), form.get("review_level"),
          form.get("next_review"),  form.get("percent"),      form.get("due_date"),
          form.get("organization"), form.get("rating"),       form.get("target"),
          form.get("title"),        form.get("confirmed")};
}

SuggestionInput input_from_json(const std::map<std::string, std::string>& f) {
  return {field(f, "title"),
          field(f, "content"),
          field(f, "domain"),
          lines(field(f, "concerned_ids")),
          field(f, "addressed_bureau_id"),
          field(f, "desired_date"),
          field(f, "channel"),
          field(f, "on_behalf_of")};
}

DecisionInput decision_from_json(const std::map<std::string, std::string>& f) {
  return {field(f, "action"),         field(f, "reason"),
          field(f, "lead_bureau_id"), lines(field(f, "cooperating_ids")),
          field(f, "working_days"),   field(f, "review_level"),
          field(f, "next_review"),    field(f, "percent"),
          field(f, "due_date"),       field(f, "organization_id"),
          field(f, "rating"),         field(f, "target_id"),
          field(f, "title"),          ""};
}

Result<ListFilter> read_filter(const http::Form& query) {
  ListFilter out;
  std::vector<FieldError> errors;
  auto id_of = [&](const char* name, const char* message) -> std::optional<std::int64_t> {
    const auto text = trim(query.get(name));
    if (text.empty()) return std::nullopt;
    auto id = platform::parse_id(text);
    if (!id) errors.push_back({name, message});
    return id;
  };
  if (const auto s = trim(query.get("state")); !s.empty()) {
    out.state = state_from_code(s);
    if (!out.state) errors.push_back({"state", "상태를 목록에서 골라 주십시오."});
  }
  out.lead_bureau = id_of("lead", "주관 실국을 목록에서 골라 주십시오.");
  out.municipality = id_of("municipality", "시·군을 목록에서 골라 주십시오.");
  if (const auto d = trim(query.get("domain")); !d.empty()) {
    out.domain = from_code<Domain>(kDomains, d);
    if (!out.domain) errors.push_back({"domain", "정책영역을 목록에서 골라 주십시오."});
  }
  if (!clean_line(query.get("q"), out.text))
    errors.push_back({"q", "검색어에 읽을 수 없는 문자가 있습니다."});
  if (char_count(out.text) > 100) errors.push_back({"q", "검색어는 100자 이하로 적어 주십시오."});
  const auto view = trim(query.get("view"));
  if (view == "open")
    out.open_only = true;
  else if (view == "overdue")
    out.overdue = true;
  else if (view == "week")
    out.due_this_week = true;
  else if (!view.empty() && view != "all")
    errors.push_back({"view", "보기를 목록에서 골라 주십시오."});
  const auto sort = trim(query.get("sort"));
  if (sort == "due")
    out.sort = suggestion_store::Sort::due;
  else if (!sort.empty() && sort != "newest")
    errors.push_back({"sort", "정렬 순서를 목록에서 골라 주십시오."});
  // The cursor: "ID" for the newest-first order, "YYYY-MM-DD.ID" for the due-date order.
  if (const auto cursor = trim(query.get("after")); !cursor.empty()) {
    const auto dot = cursor.rfind('.');
    const auto id = platform::parse_id(dot == std::string_view::npos ? cursor : cursor.substr(dot + 1));
    const auto date = dot == std::string_view::npos ? std::nullopt : parse_date(cursor.substr(0, dot));
    if (!id || (out.sort == suggestion_store::Sort::due && !date))
      errors.push_back({"after", "다음 쪽 위치가 올바르지 않습니다. 목록을 처음부터 다시 열어 주십시오."});
    else
      out.after = {*id, date ? platform::calendar::format_date(*date) : ""};
  }
  if (!errors.empty()) return Error::invalid("목록 조건을 확인해 주십시오.", std::move(errors));
  return out;
}

std::string filter_query(const ListFilter& f) {
  std::string q;
  if (f.state) http::append_query(q, "state", state_code(*f.state));
  if (f.lead_bureau) http::append_query(q, "lead", std::to_string(*f.lead_bureau));
  if (f.municipality) http::append_query(q, "municipality", std::to_string(*f.municipality));
  if (f.domain) http::append_query(q, "domain", domain_code(*f.domain));
  http::append_query(q, "q", f.text);
  if (f.open_only) http::append_query(q, "view", "open");
  if (f.overdue) http::append_query(q, "view", "overdue");
  if (f.due_this_week) http::append_query(q, "view", "week");
  if (f.sort == suggestion_store::Sort::due) http::append_query(q, "sort", "due");
  return q;
}

std::string cursor_text(const suggestion_store::Cursor& cursor) {
  if (cursor.due_key.empty()) return std::to_string(cursor.id);
  return cursor.due_key + "." + std::to_string(cursor.id);
}

}  // namespace sotong::suggestions
