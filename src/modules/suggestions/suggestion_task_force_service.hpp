// Use cases of 문제해결형 TFT (task forces), verb–noun. Reading, forming, starting and closing are in
// suggestion_task_force_service.cpp, the team (members and outside experts) in
// suggestion_task_force_team.cpp, the work (plan, field checks, progress reports) in
// suggestion_task_force_work.cpp. Each write runs in one transaction with its change history and the team's
// notifications; each refusal is a Korean Result error, and whatever only the team may see answers not_found
// to anyone else.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "modules/suggestions/suggestion.hpp"
#include "modules/suggestions/suggestion_task_force.hpp"
#include "modules/suggestions/suggestion_task_force_rules.hpp"
#include "platform/attachments/attachments.hpp"
#include "platform/service_context.hpp"

namespace sotong::suggestions {

/// A suggestion a task force works on, as a person who may see it sees it.
struct LinkedSuggestion {
  std::int64_t id = 0;
  std::string title;
  State state = State::received;
};

/// One row of the list: what everyone who may view suggestions sees of a task force.
struct TaskForceRow {
  TaskForce task_force;  // id, name and status; the texts are left empty
  std::vector<LinkedSuggestion> suggestions;
  bool member = false;  // the person is on the team
};

struct TaskForcePage {
  std::vector<TaskForceRow> items;
  std::optional<std::int64_t> next;  // the keyset cursor of the next page, nullopt on the last
};

/// The task forces, newest first, `page_size` at a time, optionally of one status; each with the linked
/// suggestions the actor may see. Refused to an actor who may not view suggestions.
Result<TaskForcePage> list_task_forces(const platform::ServiceContext& svc,
                                       std::optional<TaskForceStatus> status, std::int64_t after,
                                       std::int64_t page_size);

/// What only the team and the coordinator see.
struct TaskForceDetails {
  std::vector<TaskForceMember> members;  // 팀장 first, then 간사, then 팀원
  std::vector<TaskForceExpert> experts;
  std::vector<FieldCheck> field_checks;
  std::map<std::int64_t, std::vector<platform::attachments::Attachment>> photos;  // by field check id
  std::vector<TaskForceReport> reports;
  int progress = 0;  // the latest report's percent
  std::vector<TaskForceStep> steps;
};

/// A task force as its page shows it to this person. For anyone off the team the record holds only its id,
/// name, status and linked suggestions, and `details` is empty.
struct TaskForceFile {
  TaskForce task_force;
  std::vector<LinkedSuggestion> suggestions;  // those the person may see
  TaskForceStanding standing;
  std::optional<TaskForceDetails> details;
};

/// not_found when there is no such task force or the actor may not view suggestions at all.
Result<TaskForceFile> open_task_force(const platform::ServiceContext& svc, std::int64_t id);

/// The task force as open_task_force gives it, when check_step allows `step` to the actor now (a form's page,
/// or the question asked before a step that cannot be undone); the refusal otherwise.
Result<TaskForceFile> open_task_force_for(const platform::ServiceContext& svc, std::int64_t id,
                                          TaskForceStep step);

/// The task forces a suggestion is linked to (name and status: what anyone who sees the suggestion may see).
std::vector<TaskForce> task_forces_of_suggestion(store::Connection& c, std::int64_t suggestion_id);

/// Forms a task force (구성); the coordinator only. Returns its id.
Result<std::int64_t> create_task_force(const platform::ServiceContext& svc, const TaskForceInput& input);
/// Rewrites the name, the issue and the linked suggestions; the coordinator only, until it is closed.
Result<void> update_task_force(const platform::ServiceContext& svc, std::int64_t id,
                               const TaskForceInput& input);
/// 구성 → 활동중; the coordinator or the team leader.
Result<void> start_task_force(const platform::ServiceContext& svc, std::int64_t id);
/// 활동중 → 종료 with its result; the coordinator or the team leader. The team is told.
Result<void> close_task_force(const platform::ServiceContext& svc, std::int64_t id,
                              const ClosureInput& input);

// ---- the team (suggestion_task_force_team.cpp) ----

/// A person who may be put on a team: an active account that may view suggestions.
struct MemberChoice {
  std::int64_t account_id = 0;
  std::string name;
  std::string position;
};
struct MemberChoiceGroup {
  std::string organization_name;
  std::vector<MemberChoice> people;
};
/// Everyone who may be put on a team, grouped by organisation in the directory's order.
std::vector<MemberChoiceGroup> member_choices(const platform::ServiceContext& svc);

/// Adds an account to the team with its role, and tells them. Coordinator, 팀장 or 간사.
Result<void> add_member(const platform::ServiceContext& svc, std::int64_t id, const MemberInput& input);
/// Takes an account off the team; not_found when it is not on it. Coordinator, 팀장 or 간사.
Result<std::string> remove_member(const platform::ServiceContext& svc, std::int64_t id,
                                  std::int64_t account_id);
/// Adds an outside expert; returns the expert's id. Coordinator, 팀장 or 간사.
Result<std::int64_t> add_expert(const platform::ServiceContext& svc, std::int64_t id,
                                const ExpertInput& input);
/// Takes an outside expert off the team and returns the name; not_found when there is no such expert here.
Result<std::string> remove_expert(const platform::ServiceContext& svc, std::int64_t id,
                                  std::int64_t expert_id);

// ---- the work (suggestion_task_force_work.cpp) ----

/// Rewrites the plan (해결 방안); any member or the coordinator, until the task force is closed.
Result<void> save_plan(const platform::ServiceContext& svc, std::int64_t id, std::string_view plan);
/// Records a field check (현지확인) while the task force is active; returns its id.
Result<std::int64_t> add_field_check(const platform::ServiceContext& svc, std::int64_t id,
                                     const FieldCheckInput& input);
/// Files a progress report while the task force is active, and tells the team; returns its id.
Result<std::int64_t> add_report(const platform::ServiceContext& svc, std::int64_t id,
                                const ReportInput& input);

/// One field check as its page shows it: the task force's name beside it. not_found to anyone off the team.
struct FieldCheckFile {
  TaskForce task_force;
  FieldCheck field_check;
};
Result<FieldCheckFile> open_field_check(const platform::ServiceContext& svc, std::int64_t field_check_id);

}  // namespace sotong::suggestions
