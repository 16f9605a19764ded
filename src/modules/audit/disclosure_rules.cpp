#include "modules/audit/disclosure_rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "core/korean_text.hpp"

namespace sotong::audit {
namespace {

/// A required or optional line or text, cleaned, with the Korean error for each way it can fail.
void read_text(std::vector<FieldError>& errors, const std::string& field, const std::string& label,
               const std::string& raw, std::string& out, std::size_t max, bool required, bool multiline) {
  const bool clean = multiline ? clean_text(raw, out) : clean_line(raw, out);
  if (!clean) {
    errors.push_back({field, label + "에 읽을 수 없는 문자가 있습니다. 다시 입력해 주십시오."});
  } else if (required && out.empty()) {
    errors.push_back({field, with_particle(label, "을/를") + " 입력해 주십시오."});
  } else if (char_count(out) > max) {
    errors.push_back(
        {field, with_particle(label, "은/는") + " " + std::to_string(max) + "자 이하로 입력해 주십시오."});
  }
}

bool after(CivilDate a, CivilDate b) {
  return days_from_civil(a) > days_from_civil(b);
}

/// Whole won: digits with optional thousands commas ("1,200,000"); nullopt for anything else.
std::optional<std::int64_t> parse_won(std::string_view text) {
  std::int64_t value = 0;
  bool digits = false;
  for (char ch : text) {
    if (ch == ',') continue;
    if (ch < '0' || ch > '9') return std::nullopt;
    if (value > kDisclosureAmountMax) return value;  // already too large; stop before overflowing
    value = value * 10 + (ch - '0');
    digits = true;
  }
  if (!digits) return std::nullopt;
  return value;
}

}  // namespace

Result<ValidDisclosure> validate_disclosure(const DisclosureInput& input, CivilDate today) {
  std::vector<FieldError> errors;
  ValidDisclosure out;
  read_text(errors, "title", "제목", input.title, out.title, kDisclosureTitleMax, true, false);
  read_text(errors, "description", "경위", input.description, out.description, kDisclosureTextMax, true,
            true);
  read_text(errors, "corrected", "자율 시정 내용", input.corrected, out.corrected, kDisclosureTextMax, true,
            true);
  read_text(errors, "related_audit", "관련 현장감사", input.related_audit, out.related_audit,
            kRelatedAuditMax, false, false);

  const std::string from_text(trim(input.period_from));
  const std::string to_text(trim(input.period_to));
  const auto from = parse_date(from_text);
  if (from_text.empty()) {
    errors.push_back({"period_from", "일이 있었던 날(시작일)을 입력해 주십시오."});
  } else if (!from) {
    errors.push_back({"period_from", "시작일은 2026-03-04처럼 실제 날짜로 입력해 주십시오."});
  } else if (after(*from, today)) {
    errors.push_back({"period_from", "시작일은 오늘이나 그 전이어야 합니다."});
  } else {
    out.period_from = *from;
  }
  if (!to_text.empty()) {
    const auto to = parse_date(to_text);
    if (!to) {
      errors.push_back({"period_to", "종료일은 2026-03-04처럼 실제 날짜로 입력해 주십시오."});
    } else if (after(*to, today)) {
      errors.push_back({"period_to", "종료일은 오늘이나 그 전이어야 합니다."});
    } else if (from && after(*from, *to)) {
      errors.push_back({"period_to", "종료일은 시작일과 같거나 그 뒤여야 합니다."});
    } else {
      out.period_to = *to;
    }
  }

  if (const auto kind = from_code<CaseType>(kCaseTypes, trim(input.mistake_kind))) {
    out.mistake_kind = *kind;
  } else {
    errors.push_back({"mistake_kind", "잘못의 유형을 고르십시오."});
  }

  const std::string amount_text(trim(input.amount));
  if (!amount_text.empty()) {
    const auto amount = parse_won(amount_text);
    if (!amount) {
      errors.push_back({"amount", "관련 금액은 원 단위 숫자로만 입력해 주십시오 (예: 1,200,000)."});
    } else if (*amount > kDisclosureAmountMax) {
      errors.push_back({"amount", "관련 금액이 너무 큽니다. 원 단위로 다시 확인해 주십시오."});
    } else {
      out.amount = *amount;
    }
  }
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

Result<ValidDecision> validate_decision(const DecisionInput& input) {
  std::vector<FieldError> errors;
  ValidDecision out;
  if (const auto decision = from_code<DisclosureDecision>(kDisclosureDecisions, trim(input.decision))) {
    out.decision = *decision;
  } else {
    errors.push_back({"decision", "감경, 면제, 해당없음 가운데 하나를 고르십시오."});
  }
  read_text(errors, "reasons", "결정 사유", input.reasons, out.reasons, kDisclosureReasonsMax, true, true);
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

Result<void> may_decide(DisclosureState state) {
  if (state == DisclosureState::decided) return Error::conflict("이미 결정한 자진신고입니다.");
  return {};
}

std::string receipt_number(std::int64_t id, Timestamp filed_at) {
  return fmt::format("{}-{:04}", seoul_date(filed_at).year, id);
}

std::string date_text(CivilDate date) {
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::string won_text(std::int64_t amount) {
  std::string digits = std::to_string(amount);
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::vector<DisclosureYearCount> year_counts(
    const std::vector<std::tuple<int, std::string, std::int64_t>>& rows) {
  std::map<int, DisclosureYearCount, std::greater<>> years;
  for (const auto& [year, decision, count] : rows) {
    auto& y = years[year];
    y.year = year;
    if (decision.empty()) {
      y.pending += count;
    } else if (decision == "reduced") {
      y.reduced += count;
    } else if (decision == "exempted") {
      y.exempted += count;
    } else {
      y.not_applicable += count;
    }
  }
  std::vector<DisclosureYearCount> out;
  for (auto& [year, counts] : years) out.push_back(counts);
  return out;
}

}  // namespace sotong::audit
