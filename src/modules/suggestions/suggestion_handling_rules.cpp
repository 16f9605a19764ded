#include "modules/suggestions/suggestion_handling_rules.hpp"

#include <algorithm>
#include <utility>

#include "core/korean_text.hpp"
#include "modules/suggestions/suggestion_rules.hpp"
#include "platform/web/params.hpp"

namespace sotong::suggestions {
namespace {

Error invalid(std::vector<FieldError> errors) {
  return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
}

bool login_char(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' ||
         ch == '_' || ch == '-';
}

/// Whether a mention may start right after `before`: at a space or an opening bracket or quote.
bool opens_mention(std::string_view before) {
  const char last = before.back();
  if (last == ' ' || last == '\n' || last == '\t' || last == '(' || last == '[' || last == '"' ||
      last == '\'' || last == ',')
    return true;
  return before.ends_with("‘") || before.ends_with("“") || before.ends_with("「");
}

}  // namespace

Result<Adoption> validate_adoption(const DecisionInput& input, const std::vector<std::int64_t>& bureaus,
                                   CivilDate today) {
  std::vector<FieldError> errors;
  Adoption out;
  const auto lead = platform::parse_id(trim(input.lead_bureau));
  if (lead && contains(bureaus, *lead))
    out.lead_bureau = *lead;
  else
    errors.push_back({"lead_bureau", "주관 실국을 골라 주십시오."});
  for (const auto& raw : input.cooperating) {
    const auto id = platform::parse_id(trim(raw));
    if (!id || !contains(bureaus, *id)) {
      errors.push_back({"cooperating", "협조 실국은 목록에 있는 실국 가운데에서 골라 주십시오."});
      break;
    }
    if (*id != out.lead_bureau && !contains(out.cooperating, *id)) out.cooperating.push_back(*id);
  }
  if (auto days = parse_bounded(input.working_days, 1, kMaxWorkingDays))
    out.working_days = *days;
  else
    errors.push_back({"working_days", "처리 기한은 1에서 " + std::to_string(kMaxWorkingDays) +
                                          " 사이의 근무일 수로 적어 주십시오."});
  const auto level_text = trim(input.review_level);
  if (!level_text.empty()) {
    if (auto level = from_code<ReviewLevel>(kReviewLevels, level_text))
      out.review_level = level;
    else
      errors.push_back({"review_level", "점검 회의를 목록에서 골라 주십시오."});
  }
  const auto review_text = trim(input.next_review);
  if (!review_text.empty()) {
    const auto date = parse_date(review_text);
    if (!date || days_from_civil(*date) < days_from_civil(today))
      errors.push_back({"next_review", "다음 점검일은 오늘이나 그 뒤의 날짜로 적어 주십시오."});
    else
      out.next_review = date;
  }
  if (out.next_review && level_text.empty())
    errors.push_back({"review_level", "다음 점검일을 적었다면 점검 회의도 골라 주십시오."});
  if (!errors.empty()) return invalid(std::move(errors));
  return out;
}

Result<ProgressReport> validate_progress(const DecisionInput& input) {
  std::vector<FieldError> errors;
  ProgressReport out;
  if (auto percent = parse_bounded(input.percent, 0, 100))
    out.percent = *percent;
  else
    errors.push_back({"percent", "추진율은 0에서 100 사이의 정수로 적어 주십시오."});
  check_text(input.reason, "reason", "추진 내용", kReasonMaxChars, true, out.text, errors);
  if (!errors.empty()) return invalid(std::move(errors));
  return out;
}

Result<std::string> validate_reason(std::string_view raw, std::string_view label, bool required) {
  std::vector<FieldError> errors;
  std::string out;
  check_text(raw, "reason", label, kReasonMaxChars, required, out, errors);
  if (!errors.empty()) return invalid(std::move(errors));
  return out;
}

Result<Rating> validate_rating(const DecisionInput& input) {
  std::vector<FieldError> errors;
  Rating out;
  if (auto score = parse_bounded(input.rating, 1, 5))
    out.score = *score;
  else
    errors.push_back({"rating", "만족도를 1(매우 불만족)에서 5(매우 만족) 가운데에서 골라 주십시오."});
  check_text(input.reason, "reason", "의견", kReasonMaxChars, false, out.comment, errors);
  if (!errors.empty()) return invalid(std::move(errors));
  return out;
}

Result<std::int64_t> validate_new_lead(const DecisionInput& input, const std::vector<std::int64_t>& allowed,
                                       std::optional<std::int64_t> current, std::string_view what) {
  std::vector<FieldError> errors;
  const auto id = platform::parse_id(trim(input.organization));
  if (!id || !contains(allowed, *id))
    errors.push_back({"organization", "맡을 기관을 목록에서 골라 주십시오."});
  else if (current && *id == *current)
    errors.push_back({"organization", "지금 맡은 기관과 다른 기관을 골라 주십시오."});
  std::string reason;
  check_text(input.reason, "reason", std::string(what) + " 사유", kReasonMaxChars, true, reason, errors);
  if (!errors.empty()) return invalid(std::move(errors));
  return *id;
}

Result<std::int64_t> validate_target(const DecisionInput& input, std::int64_t self) {
  const auto id = platform::parse_id(trim(input.target));
  if (!id) return invalid({{"target", "대상 건의의 번호를 숫자로 적어 주십시오."}});
  if (*id == self) return invalid({{"target", "이 건의가 아닌 다른 건의의 번호를 적어 주십시오."}});
  return *id;
}

std::vector<std::string> mentioned_logins(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '@') continue;
    // A mention starts the text or follows a space or an opening mark; an '@' inside a word (an e-mail
    // address, "담당자@…") is not one.
    if (i > 0 && !opens_mention(text.substr(0, i))) continue;
    std::size_t end = i + 1;
    while (end < text.size() && login_char(text[end])) ++end;
    std::string login(text.substr(i + 1, end - i - 1));
    while (!login.empty() && (login.back() == '.' || login.back() == '-')) login.pop_back();
    if (!login.empty() && std::find(out.begin(), out.end(), login) == out.end()) out.push_back(login);
    i = end - 1;
  }
  return out;
}

}  // namespace sotong::suggestions
