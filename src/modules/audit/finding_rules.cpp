#include "modules/audit/finding_rules.hpp"

#include <array>
#include <utility>

#include "core/korean_text.hpp"

namespace sotong::audit {
namespace {

struct FollowUpTransition {
  FollowUpStep step;
  FindingState from;
  FindingState to;
};

constexpr std::array kFollowUpTransitions = {
    FollowUpTransition{FollowUpStep::report, FindingState::open, FindingState::reported},
    FollowUpTransition{FollowUpStep::report, FindingState::returned, FindingState::reported},
    FollowUpTransition{FollowUpStep::confirm, FindingState::reported, FindingState::done},
    FollowUpTransition{FollowUpStep::give_back, FindingState::reported, FindingState::returned},
};

void check_text(std::vector<FieldError>& errors, const char* field, const std::string& label,
                std::string_view raw, std::string& out, std::size_t max, bool required) {
  if (!clean_text(raw, out))
    errors.push_back({field, label + "에 읽을 수 없는 문자가 있습니다. 다시 입력해 주십시오."});
  else if (required && out.empty())
    errors.push_back({field, with_particle(label, "을/를") + " 입력해 주십시오."});
  else if (char_count(out) > max)
    errors.push_back(
        {field, with_particle(label, "은/는") + " " + std::to_string(max) + "자 이하로 입력해 주십시오."});
}

/// "1,234,000원" or "1234000" → 1234000; nullopt for anything else (a negative, a fraction, letters).
std::optional<std::int64_t> parse_amount(std::string_view text) {
  text = trim(text);
  if (text.size() >= 3 && text.substr(text.size() - 3) == "원") text = trim(text.substr(0, text.size() - 3));
  if (text.empty()) return std::nullopt;
  std::int64_t value = 0;
  for (char ch : text) {
    if (ch == ',') continue;
    if (ch < '0' || ch > '9') return std::nullopt;
    if (value > kLargestAmount) return std::nullopt;
    value = value * 10 + (ch - '0');
  }
  return value;
}

}  // namespace

std::optional<FindingState> apply_follow_up(FindingState state, FollowUpStep step) {
  for (const auto& t : kFollowUpTransitions)
    if (t.step == step && t.from == state) return t.to;
  return std::nullopt;
}

std::vector<FollowUpStep> available_follow_ups(FindingState state) {
  std::vector<FollowUpStep> out;
  for (const auto step : {FollowUpStep::report, FollowUpStep::confirm, FollowUpStep::give_back})
    for (const auto& t : kFollowUpTransitions)
      if (t.step == step && t.from == state) {
        out.push_back(step);
        break;
      }
  return out;
}

bool is_overdue(FindingState state, CivilDate due, CivilDate today) {
  return state != FindingState::done && days_from_civil(due) < days_from_civil(today);
}

Result<ValidFinding> validate_finding(const FindingInput& input) {
  std::vector<FieldError> errors;
  ValidFinding out;
  check_text(errors, "title", "지적 제목", input.title, out.title, 200, true);
  if (out.title.find('\n') != std::string::npos)
    errors.push_back({"title", "지적 제목은 한 줄로 입력해 주십시오."});
  if (auto type = from_code<CaseType>(kCaseTypes, input.case_type))
    out.case_type = *type;
  else
    errors.push_back({"case_type", "비리유형을 골라 주십시오."});
  check_text(errors, "description", "지적 내용", input.description, out.description, kFindingTextMaxChars,
             true);
  const auto amount = parse_amount(input.amount);
  if (!amount)
    errors.push_back({"amount", "재정상 조치 금액을 0 이상의 원 단위 숫자로 입력해 주십시오 (없으면 0)."});
  else if (*amount > kLargestAmount)
    errors.push_back({"amount", "재정상 조치 금액이 너무 큽니다. 원 단위로 입력했는지 확인해 주십시오."});
  else
    out.amount = *amount;
  check_text(errors, "recommendation", "개선 권고", input.recommendation, out.recommendation,
             kFindingTextMaxChars, false);
  if (auto action = from_code<RequiredAction>(kRequiredActions, input.action))
    out.action = *action;
  else
    errors.push_back({"action", "조치 요구를 골라 주십시오."});
  if (auto due = parse_date(input.due_date))
    out.due = *due;
  else
    errors.push_back({"due_date", "조치 기한을 2026-03-31처럼 입력해 주십시오."});
  check_text(errors, "source", "출처", input.source, out.source, kSourceMaxChars, false);
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

Result<std::string> validate_follow_up_text(std::string_view raw, const char* field, const char* label) {
  std::vector<FieldError> errors;
  std::string out;
  check_text(errors, field, label, raw, out, kFindingTextMaxChars, true);
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

std::string format_won(std::int64_t amount) {
  const bool negative = amount < 0;
  std::string digits = std::to_string(negative ? -amount : amount);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (negative ? "-" : "") + out + "원";
}

}  // namespace sotong::audit
