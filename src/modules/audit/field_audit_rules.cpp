#include "modules/audit/field_audit_rules.hpp"

#include <array>
#include <charconv>
#include <cstdio>
#include <utility>

#include "core/korean_text.hpp"

namespace sotong::audit {
namespace {

struct Transition {
  AuditStep step;
  AuditState from;
  AuditState to;
};

constexpr std::array kTransitions = {
    Transition{AuditStep::revise, AuditState::consulting, AuditState::consulting},
    Transition{AuditStep::revise, AuditState::agreed, AuditState::consulting},
    Transition{AuditStep::opinion, AuditState::consulting, AuditState::consulting},
    Transition{AuditStep::agree, AuditState::consulting, AuditState::agreed},
    Transition{AuditStep::finish, AuditState::agreed, AuditState::done},
    Transition{AuditStep::cancel, AuditState::consulting, AuditState::cancelled},
    Transition{AuditStep::cancel, AuditState::agreed, AuditState::cancelled},
    Transition{AuditStep::record_finding, AuditState::agreed, AuditState::agreed},
    Transition{AuditStep::record_finding, AuditState::done, AuditState::done},
};

/// Cleans `raw` into `out` and checks it: required or not, at most `max` characters.
void check_text(std::vector<FieldError>& errors, const char* field, const char* label, std::string_view raw,
                std::string& out, std::size_t max, bool required, bool multi_line) {
  const bool ok = multi_line ? clean_text(raw, out) : clean_line(raw, out);
  const std::string name(label);
  if (!ok) {
    errors.push_back({field, name + "에 읽을 수 없는 문자가 있습니다. 다시 입력해 주십시오."});
  } else if (required && out.empty()) {
    errors.push_back({field, with_particle(name, "을/를") + " 입력해 주십시오."});
  } else if (char_count(out) > max) {
    errors.push_back(
        {field, with_particle(name, "은/는") + " " + std::to_string(max) + "자 이하로 입력해 주십시오."});
  }
}

}  // namespace

std::optional<AuditState> apply_step(AuditState state, AuditStep step) {
  for (const auto& t : kTransitions)
    if (t.step == step && t.from == state) return t.to;
  return std::nullopt;
}

std::vector<AuditStep> available_steps(AuditState state) {
  std::vector<AuditStep> out;
  for (const auto step : {AuditStep::revise, AuditStep::opinion, AuditStep::agree, AuditStep::finish,
                          AuditStep::cancel, AuditStep::record_finding})
    for (const auto& t : kTransitions)
      if (t.step == step && t.from == state) {
        out.push_back(step);
        break;
      }
  return out;
}

Result<ValidAuditPlan> validate_plan(const AuditPlanInput& input) {
  std::vector<FieldError> errors;
  ValidAuditPlan out;
  std::int64_t organization = 0;
  const auto& o = input.organization_id;
  auto [end, ec] = std::from_chars(o.data(), o.data() + o.size(), organization);
  if (o.empty() || ec != std::errc() || end != o.data() + o.size() || organization <= 0)
    errors.push_back({"organization_id", "감사받을 기관을 골라 주십시오."});
  out.organization_id = organization;
  auto& p = out.plan;
  check_text(errors, "title", "감사명", input.title, p.title, kTitleMaxChars, true, false);
  if (auto kind = from_code<AuditKind>(kAuditKinds, input.kind))
    p.kind = *kind;
  else
    errors.push_back({"kind", "감사 종류를 골라 주십시오."});
  check_text(errors, "purpose", "감사 목적", input.purpose, p.purpose, kPurposeMaxChars, true, true);
  check_text(errors, "areas", "감사 분야", input.areas, p.areas, kAreasMaxChars, true, true);
  if (auto method = from_code<AuditMethod>(kAuditMethods, input.method))
    p.method = *method;
  else
    errors.push_back({"method", "감사 방법을 골라 주십시오."});
  check_text(errors, "method_note", "감사 방법 설명", input.method_note, p.method_note, kShortTextMaxChars,
             false, true);
  check_text(errors, "team", "감사반", input.team, p.team, kShortTextMaxChars, false, true);
  check_text(errors, "note", "변경 사유", input.note, out.note, kOpinionMaxChars, false, true);
  const auto start = parse_date(input.start_date);
  const auto finish = parse_date(input.end_date);
  if (!start) errors.push_back({"start_date", "시작일을 2026-03-02처럼 입력해 주십시오."});
  if (!finish) errors.push_back({"end_date", "종료일을 2026-03-06처럼 입력해 주십시오."});
  if (start && finish) {
    const auto days = days_from_civil(*finish) - days_from_civil(*start);
    if (days < 0)
      errors.push_back({"end_date", "종료일은 시작일과 같거나 그 뒤여야 합니다."});
    else if (days >= kLongestAuditDays)
      errors.push_back({"end_date", "감사 기간은 " + std::to_string(kLongestAuditDays) +
                                        "일을 넘을 수 없습니다. 날짜를 확인해 주십시오."});
    p.start = *start;
    p.end = *finish;
  }
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

Result<ConsultationEntry> validate_opinion(const OpinionInput& input) {
  std::vector<FieldError> errors;
  ConsultationEntry out;
  out.kind = PlanEventKind::opinion;
  out.topic = from_code<OpinionTopic>(kOpinionTopics, input.topic);
  if (!out.topic) errors.push_back({"topic", "의견을 낼 항목을 골라 주십시오."});
  check_text(errors, "body", "의견", input.body, out.body, kOpinionMaxChars, true, true);
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

std::string format_date(CivilDate date) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

}  // namespace sotong::audit
