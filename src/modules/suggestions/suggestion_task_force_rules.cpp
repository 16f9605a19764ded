#include "modules/suggestions/suggestion_task_force_rules.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/korean_text.hpp"
#include "modules/suggestions/suggestion_rules.hpp"
#include "platform/web/params.hpp"

namespace sotong::suggestions {
namespace {

constexpr std::array<TaskForceStep, 7> kTaskForceSteps = {
    TaskForceStep::edit,       TaskForceStep::manage_team,
    TaskForceStep::edit_plan,  TaskForceStep::add_field_check,
    TaskForceStep::add_report, TaskForceStep::start,
    TaskForceStep::close};

Error invalid(std::vector<FieldError> errors) {
  return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
}

/// The pieces of the suggestion field(s): numbers separated by commas, spaces or line breaks, each perhaps
/// written "#12" or "12번" as people cite a suggestion.
std::vector<std::string_view> pieces(const std::vector<std::string>& raw) {
  std::vector<std::string_view> out;
  for (const auto& text : raw) {
    std::string_view rest = text;
    while (!rest.empty()) {
      const auto cut = rest.find_first_of(", \n\r\t");
      auto piece = rest.substr(0, cut);
      rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
      if (piece.starts_with("#")) piece.remove_prefix(1);
      if (piece.ends_with("번")) piece.remove_suffix(std::string_view("번").size());
      if (!piece.empty()) out.push_back(piece);
    }
  }
  return out;
}

/// A date typed as YYYY-MM-DD that is not after today; the message names the field's label.
std::optional<CivilDate> past_date(std::string_view raw, std::string_view label, CivilDate today,
                                   std::vector<FieldError>& errors) {
  const auto date = parse_date(trim(raw));
  if (!date) {
    errors.push_back({"date", with_particle(label, "은/는") + " 2026-10-08처럼 날짜로 적어 주십시오."});
    return std::nullopt;
  }
  if (days_from_civil(*date) > days_from_civil(today)) {
    errors.push_back({"date", with_particle(label, "은/는") + " 오늘이나 그 앞의 날짜로 적어 주십시오."});
    return std::nullopt;
  }
  return date;
}

}  // namespace

bool may(TaskForceStep step, const TaskForceStanding& who) {
  if (who.coordinator) return true;
  if (!who.role) return false;
  const TeamRole role = *who.role;
  switch (step) {
    case TaskForceStep::view_details:
    case TaskForceStep::edit_plan:
    case TaskForceStep::add_field_check:
    case TaskForceStep::add_report:
      return true;
    case TaskForceStep::manage_team:
      return role == TeamRole::leader || role == TeamRole::secretary;
    case TaskForceStep::start:
    case TaskForceStep::close:
      return role == TeamRole::leader;
    case TaskForceStep::edit:
      return false;
  }
  return false;
}

bool status_allows(TaskForceStep step, TaskForceStatus status) {
  switch (step) {
    case TaskForceStep::view_details:
      return true;
    case TaskForceStep::edit:
    case TaskForceStep::manage_team:
    case TaskForceStep::edit_plan:
      return status != TaskForceStatus::closed;
    case TaskForceStep::add_field_check:
    case TaskForceStep::add_report:
    case TaskForceStep::close:
      return status == TaskForceStatus::active;
    case TaskForceStep::start:
      return status == TaskForceStatus::formed;
  }
  return false;
}

Result<void> check_step(TaskForceStep step, TaskForceStatus status, const TaskForceStanding& who) {
  if (!may(TaskForceStep::view_details, who))
    return Error::not_found("찾으시는 TFT 활동 기록이 없거나 볼 수 있는 범위 밖에 있습니다.");
  if (!may(step, who)) {
    switch (step) {
      case TaskForceStep::edit:
        return Error::forbidden("TFT의 이름과 과제, 연결된 건의는 시·군정책협력담당이 수정합니다.");
      case TaskForceStep::manage_team:
        return Error::forbidden("팀원과 외부 전문가는 시·군정책협력담당이나 팀장, 간사가 등록하고 뺍니다.");
      default:
        return Error::forbidden("TFT 활동 시작과 종료는 시·군정책협력담당이나 팀장이 합니다.");
    }
  }
  if (!status_allows(step, status)) {
    if (status == TaskForceStatus::closed) return Error::conflict("종료한 TFT는 더 바꿀 수 없습니다.");
    switch (step) {
      case TaskForceStep::add_field_check:
      case TaskForceStep::add_report:
        return Error::conflict("현지확인과 추진상황 보고는 TFT 활동을 시작한 뒤에 등록합니다.");
      case TaskForceStep::close:
        return Error::conflict("활동을 시작하지 않은 TFT는 종료할 수 없습니다. 먼저 활동을 시작해 주십시오.");
      default:
        return Error::conflict("이미 활동을 시작한 TFT입니다.");
    }
  }
  return {};
}

std::vector<TaskForceStep> available_steps(TaskForceStatus status, const TaskForceStanding& who) {
  std::vector<TaskForceStep> out;
  for (TaskForceStep step : kTaskForceSteps)
    if (check_step(step, status, who)) out.push_back(step);
  return out;
}

Result<TaskForceStatus> next_status(TaskForceStatus from, TaskForceStep step) {
  if (!status_allows(step, from)) return Error::conflict("지금 TFT 상태에서는 할 수 없는 일입니다.");
  if (step == TaskForceStep::start) return TaskForceStatus::active;
  if (step == TaskForceStep::close) return TaskForceStatus::closed;
  return from;
}

std::vector<std::int64_t> typed_suggestion_ids(const TaskForceInput& input) {
  std::vector<std::int64_t> out;
  for (auto piece : pieces(input.suggestion_ids)) {
    const auto id = platform::parse_id(piece);
    if (id && !contains(out, *id)) out.push_back(*id);
  }
  return out;
}

Result<ValidTaskForce> validate_task_force(const TaskForceInput& input,
                                           const std::vector<std::int64_t>& linkable) {
  std::vector<FieldError> errors;
  ValidTaskForce out;
  check_line(input.name, "name", "TFT 이름", kTaskForceNameMaxChars, out.name, errors);
  check_text(input.issue, "issue", "해결할 과제", kTaskForceTextMaxChars, true, out.issue, errors);
  for (auto piece : pieces(input.suggestion_ids)) {
    const auto id = platform::parse_id(piece);
    if (!id) {
      errors.push_back(
          {"suggestion_ids", "건의 번호는 12처럼 숫자로 적고, 여럿이면 쉼표로 나누어 주십시오."});
      break;
    }
    if (!contains(linkable, *id)) {
      errors.push_back({"suggestion_ids",
                        std::to_string(*id) + "번 건의가 없습니다. 제출된 건의의 번호를 적어 주십시오."});
      break;
    }
    if (!contains(out.suggestion_ids, *id)) out.suggestion_ids.push_back(*id);
  }
  if (out.suggestion_ids.size() > kMaxLinkedSuggestions)
    errors.push_back({"suggestion_ids", "한 TFT에 연결할 수 있는 건의는 " +
                                            std::to_string(kMaxLinkedSuggestions) + "건까지입니다."});
  if (!errors.empty()) return invalid(std::move(errors));
  return out;
}

Result<ValidMember> validate_member(const MemberInput& input, const std::vector<std::int64_t>& candidates,
                                    const std::vector<TaskForceMember>& team) {
  std::vector<FieldError> errors;
  ValidMember out;
  const auto id = platform::parse_id(trim(input.account_id));
  const bool on_team = id && std::any_of(team.begin(), team.end(),
                                         [&](const TaskForceMember& m) { return m.account_id == *id; });
  if (!id || !contains(candidates, *id))
    errors.push_back({"account_id", "팀원으로 등록할 사람을 목록에서 골라 주십시오."});
  else if (on_team)
    errors.push_back(
        {"account_id", "이미 이 TFT의 팀원입니다. 역할을 바꾸려면 팀원에서 뺀 뒤 다시 등록해 주십시오."});
  else
    out.account_id = *id;
  const auto role = from_code<TeamRole>(kTeamRoles, trim(input.role));
  if (!role || *role == TeamRole::adviser) {
    errors.push_back({"role", "역할을 팀장, 간사, 팀원 가운데에서 골라 주십시오."});
  } else {
    out.role = *role;
    const bool has_leader = std::any_of(team.begin(), team.end(),
                                        [](const TaskForceMember& m) { return m.role == TeamRole::leader; });
    if (out.role == TeamRole::leader && has_leader)
      errors.push_back(
          {"role", "팀장은 한 사람입니다. 지금 팀장을 팀원에서 뺀 뒤 새 팀장을 등록해 주십시오."});
  }
  if (!errors.empty()) return invalid(std::move(errors));
  return out;
}

Result<ValidExpert> validate_expert(const ExpertInput& input) {
  std::vector<FieldError> errors;
  ValidExpert out;
  check_line(input.name, "name", "이름", kExpertLineMaxChars, out.name, errors);
  check_line(input.affiliation, "affiliation", "소속", kExpertLineMaxChars, out.affiliation, errors);
  check_line(input.field, "field", "전문 분야", kExpertLineMaxChars, out.field, errors);
  const auto role = from_code<TeamRole>(kTeamRoles, trim(input.role));
  // 팀장 and 간사 run the team through the system, which needs an account; an expert advises or takes part.
  if (role == TeamRole::adviser || role == TeamRole::member)
    out.role = *role;
  else
    errors.push_back({"role", "외부 전문가의 역할은 자문위원이나 팀원 가운데에서 골라 주십시오."});
  if (!errors.empty()) return invalid(std::move(errors));
  return out;
}

Result<std::string> validate_plan(std::string_view raw) {
  std::vector<FieldError> errors;
  std::string out;
  if (!check_text(raw, "plan", "해결 방안", kPlanMaxChars, true, out, errors))
    return invalid(std::move(errors));
  return out;
}

Result<ValidFieldCheck> validate_field_check(const FieldCheckInput& input, CivilDate today) {
  std::vector<FieldError> errors;
  ValidFieldCheck out;
  if (auto date = past_date(input.date, "현지확인 일자", today, errors)) out.date = *date;
  check_line(input.place, "place", "장소", kPlaceMaxChars, out.place, errors);
  check_text(input.participants, "participants", "참석자", kParticipantsMaxChars, true, out.participants,
             errors);
  check_text(input.findings, "findings", "확인 결과", kTaskForceTextMaxChars, true, out.findings, errors);
  if (!errors.empty()) return invalid(std::move(errors));
  return out;
}

Result<ValidReport> validate_report(const ReportInput& input, CivilDate today) {
  std::vector<FieldError> errors;
  ValidReport out;
  if (auto date = past_date(input.date, "보고일", today, errors)) out.date = *date;
  check_text(input.text, "text", "추진 내용", kTaskForceTextMaxChars, true, out.text, errors);
  if (auto percent = parse_bounded(input.percent, 0, 100))
    out.percent = *percent;
  else
    errors.push_back({"percent", "추진율은 0부터 100까지의 정수로 적어 주십시오."});
  if (!errors.empty()) return invalid(std::move(errors));
  return out;
}

Result<ValidClosure> validate_closure(const ClosureInput& input) {
  std::vector<FieldError> errors;
  ValidClosure out;
  if (auto result = from_code<TaskForceResult>(kTaskForceResults, trim(input.result)))
    out.result = *result;
  else
    errors.push_back({"result", "결과를 해결, 일부 해결, 해결하지 못함 가운데에서 골라 주십시오."});
  check_text(input.text, "text", "결과 내용", kTaskForceTextMaxChars, true, out.text, errors);
  if (!errors.empty()) return invalid(std::move(errors));
  return out;
}

}  // namespace sotong::suggestions
