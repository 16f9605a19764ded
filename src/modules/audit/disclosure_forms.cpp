#include "modules/audit/disclosure_forms.hpp"

#include <charconv>
#include <vector>

#include "core/korean_text.hpp"
#include "core/vocabulary.hpp"

namespace sotong::audit {

DisclosureInput disclosure_input(const http::Form& form, const http::Multipart& multipart) {
  const auto get = [&](const char* name) {
    return multipart.present() ? multipart.get(name) : form.get(name);
  };
  return {get("title"),        get("description"), get("period_from"), get("period_to"),
          get("mistake_kind"), get("amount"),      get("corrected"),   get("related_audit")};
}

DecisionInput decision_input(const http::Form& form) {
  return {form.get("decision"), form.get("reasons")};
}

Result<DisclosureFilter> read_disclosure_filter(const http::Form& query) {
  DisclosureFilter f;
  std::vector<FieldError> errors;
  const std::string year(trim(query.get("year")));
  if (!year.empty()) {
    int value = 0;
    const auto [end, ec] = std::from_chars(year.data(), year.data() + year.size(), value);
    if (ec != std::errc() || end != year.data() + year.size() || value < 2000 || value > 2100)
      errors.push_back({"year", "연도는 2026처럼 네 자리로 고르십시오."});
    else
      f.year = value;
  }
  const std::string state(trim(query.get("state")));
  if (!state.empty()) {
    f.state = from_code<DisclosureState>(kDisclosureStates, state);
    if (!f.state) errors.push_back({"state", "상태는 목록에 있는 것으로 고르십시오."});
  }
  const std::string decision(trim(query.get("decision")));
  if (!decision.empty()) {
    f.decision = from_code<DisclosureDecision>(kDisclosureDecisions, decision);
    if (!f.decision) errors.push_back({"decision", "결정은 목록에 있는 것으로 고르십시오."});
  }
  if (!errors.empty()) return Error::invalid("찾는 조건을 확인해 주십시오.", std::move(errors));
  return f;
}

std::string disclosure_filter_query(const DisclosureFilter& filter) {
  std::string out;
  const auto add = [&](const std::string& part) { out += (out.empty() ? "" : "&") + part; };
  if (filter.year) add("year=" + std::to_string(*filter.year));
  if (filter.state) add("state=" + std::string(code_of<DisclosureState>(kDisclosureStates, *filter.state)));
  if (filter.decision)
    add("decision=" + std::string(code_of<DisclosureDecision>(kDisclosureDecisions, *filter.decision)));
  return out;
}

}  // namespace sotong::audit
