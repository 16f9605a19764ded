// 문제해결형 TFT (task forces) of 건의사항: the records as plain values and the closed lists they use,
// without behaviour.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/vocabulary.hpp"

namespace sotong::suggestions {

/// 구성 → 활동중 → 종료: formed by the coordinator, active once its work starts, closed with a result.
enum class TaskForceStatus { formed, active, closed };

inline constexpr std::array<Term<TaskForceStatus>, 3> kTaskForceStatuses = {{
    {TaskForceStatus::formed, "formed", "구성"},
    {TaskForceStatus::active, "active", "활동중"},
    {TaskForceStatus::closed, "closed", "종료"},
}};

/// A role in the team. Members (accounts) are 팀장, 간사 or 팀원; outside experts are 자문위원 or 팀원.
enum class TeamRole { leader, secretary, member, adviser };

inline constexpr std::array<Term<TeamRole>, 4> kTeamRoles = {{
    {TeamRole::leader, "leader", "팀장"},
    {TeamRole::secretary, "secretary", "간사"},
    {TeamRole::member, "member", "팀원"},
    {TeamRole::adviser, "adviser", "자문위원"},
}};

/// How a task force ended.
enum class TaskForceResult { resolved, partly_resolved, not_resolved };

inline constexpr std::array<Term<TaskForceResult>, 3> kTaskForceResults = {{
    {TaskForceResult::resolved, "resolved", "해결"},
    {TaskForceResult::partly_resolved, "partly_resolved", "일부 해결"},
    {TaskForceResult::not_resolved, "not_resolved", "해결하지 못함"},
}};

inline std::string_view task_force_status_code(TaskForceStatus s) {
  return code_of<TaskForceStatus>(kTaskForceStatuses, s);
}
inline std::string_view task_force_status_label(TaskForceStatus s) {
  return label_of<TaskForceStatus>(kTaskForceStatuses, s);
}
inline std::string_view team_role_code(TeamRole r) {
  return code_of<TeamRole>(kTeamRoles, r);
}
inline std::string_view team_role_label(TeamRole r) {
  return label_of<TeamRole>(kTeamRoles, r);
}
inline std::string_view task_force_result_code(TaskForceResult r) {
  return code_of<TaskForceResult>(kTaskForceResults, r);
}
inline std::string_view task_force_result_label(TaskForceResult r) {
  return label_of<TaskForceResult>(kTaskForceResults, r);
}

/// One task force. `issue`, `plan` and the result text are for its members and the coordinator only.
struct TaskForce {
  std::int64_t id = 0;
  std::string name;
  std::string issue;  // what the team is for: the conflict or the suggestions' common problem
  TaskForceStatus status = TaskForceStatus::formed;
  std::vector<std::int64_t> suggestion_ids;
  std::string plan;  // 해결 방안, edited by the members
  std::optional<std::int64_t> plan_updated_by;
  std::string plan_updated_by_name;
  std::optional<Timestamp> plan_updated_at;
  std::optional<TaskForceResult> result;
  std::string result_text;
  std::int64_t created_by = 0;
  Timestamp created_at = 0;
  std::optional<Timestamp> started_at, closed_at;
  Timestamp updated_at = 0;
};

/// An account on the team; names come from the platform's accounts and organisations.
struct TaskForceMember {
  std::int64_t account_id = 0;
  TeamRole role = TeamRole::member;
  std::string name;
  std::string position;
  std::string organization_name;
  Timestamp added_at = 0;
};

/// An outside expert on the team: not an account, so never a reader of the record.
struct TaskForceExpert {
  std::int64_t id = 0;
  std::string name;
  std::string affiliation;
  std::string field;
  TeamRole role = TeamRole::adviser;
  Timestamp added_at = 0;
};

/// 현지확인: one visit of the team.
struct FieldCheck {
  std::int64_t id = 0;
  std::int64_t task_force_id = 0;
  CivilDate date{};
  std::string place;
  std::string participants;
  std::string findings;
  std::int64_t created_by = 0;
  std::string created_by_name;
  Timestamp created_at = 0;
};

/// 추진상황 보고 of a task force.
struct TaskForceReport {
  std::int64_t id = 0;
  std::int64_t task_force_id = 0;
  CivilDate date{};
  std::string text;
  int percent = 0;
  std::int64_t created_by = 0;
  std::string created_by_name;
  Timestamp created_at = 0;
};

/// What the coordinator submits to form or edit a task force, as typed.
struct TaskForceInput {
  std::string name;
  std::string issue;
  std::vector<std::string> suggestion_ids;  // "12", or "12, 15" from one text field: both are read
};

struct ValidTaskForce {
  std::string name;
  std::string issue;
  std::vector<std::int64_t> suggestion_ids;
};

/// A member to add: the account's id and the role, as typed.
struct MemberInput {
  std::string account_id;
  std::string role;
};

struct ValidMember {
  std::int64_t account_id = 0;
  TeamRole role = TeamRole::member;
};

struct ExpertInput {
  std::string name;
  std::string affiliation;
  std::string field;
  std::string role;
};

struct ValidExpert {
  std::string name;
  std::string affiliation;
  std::string field;
  TeamRole role = TeamRole::adviser;
};

struct FieldCheckInput {
  std::string date;
  std::string place;
  std::string participants;
  std::string findings;
};

struct ValidFieldCheck {
  CivilDate date{};
  std::string place;
  std::string participants;
  std::string findings;
};

struct ReportInput {
  std::string date;
  std::string text;
  std::string percent;
};

struct ValidReport {
  CivilDate date{};
  std::string text;
  int percent = 0;
};

struct ClosureInput {
  std::string result;
  std::string text;
};

struct ValidClosure {
  TaskForceResult result = TaskForceResult::resolved;
  std::string text;
};

}  // namespace sotong::suggestions
