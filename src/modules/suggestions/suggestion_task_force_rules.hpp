// Pure rules of 문제해결형 TFT (task forces): what a valid task force, member, expert, plan, field check,
// progress report and closure are; who may take each step, by their standing in the team; which status allows
// which step. No I/O: accounts, suggestions and today's date come in as values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "modules/suggestions/suggestion_task_force.hpp"

namespace sotong::suggestions {

inline constexpr std::size_t kTaskForceNameMaxChars = 100;
inline constexpr std::size_t kTaskForceTextMaxChars = 4000;  // issue, findings, report, result
inline constexpr std::size_t kPlanMaxChars = 10000;
inline constexpr std::size_t kPlaceMaxChars = 200;
inline constexpr std::size_t kParticipantsMaxChars = 1000;
inline constexpr std::size_t kExpertLineMaxChars = 100;  // an expert's name, affiliation and field
inline constexpr std::size_t kMaxLinkedSuggestions = 20;

/// Who the person is to one task force, worked out by the service.
struct TaskForceStanding {
  bool viewer = false;           // may view suggestions: sees that the task force exists, its name and status
  bool coordinator = false;      // 시·군정책협력담당: manages every task force
  std::optional<TeamRole> role;  // their role on the team, when they are a member
};

/// What a person may do with a task force. view_details is reading what only the team sees: its issue,
/// members, plan, field checks with their photos, reports and result.
enum class TaskForceStep {
  view_details,
  edit,
  manage_team,
  edit_plan,
  add_field_check,
  add_report,
  start,
  close
};

/// Whether the standing allows the step, whatever the status: the coordinator everything; every member reads,
/// edits the plan, files field checks and reports; 팀장 and 간사 also add and remove people; 팀장 also starts
/// and closes; only the coordinator edits the name, the issue and the linked suggestions.
bool may(TaskForceStep step, const TaskForceStanding& who);

/// Whether the status allows the step: nothing changes once closed; field checks and reports only while
/// active; start only while formed, close only while active.
bool status_allows(TaskForceStep step, TaskForceStatus status);

/// Ok, or the refusal: not_found for anyone who may not see the details (the team's work answers as if it did
/// not exist), forbidden for a member whose role does not allow the step, conflict when the status does not.
Result<void> check_step(TaskForceStep step, TaskForceStatus status, const TaskForceStanding& who);

/// The steps besides reading that the page offers the person now: exactly those check_step accepts.
std::vector<TaskForceStep> available_steps(TaskForceStatus status, const TaskForceStanding& who);

/// The status after the step: start makes a formed team active, close an active one closed; any other step
/// leaves it. Conflict when the step does not fit the status.
Result<TaskForceStatus> next_status(TaskForceStatus from, TaskForceStep step);

/// Every number typed into the suggestion field(s) ("12", "12, 15", "#12 #15"), in order, each once; what is
/// not a number is skipped here and refused by validate_task_force.
std::vector<std::int64_t> typed_suggestion_ids(const TaskForceInput& input);

/// The name (1..100 characters) and issue (1..4000) trimmed and composed; every linked suggestion one of
/// `linkable` (it exists and is not a draft), at most kMaxLinkedSuggestions, none for a standing conflict.
Result<ValidTaskForce> validate_task_force(const TaskForceInput& input,
                                           const std::vector<std::int64_t>& linkable);

/// An account among `candidates` (active accounts that may view suggestions) not on `team` yet, as 팀장, 간사
/// or 팀원; a team has one 팀장 at most.
Result<ValidMember> validate_member(const MemberInput& input, const std::vector<std::int64_t>& candidates,
                                    const std::vector<TaskForceMember>& team);

/// An outside expert: name, affiliation and field (each 1..100 characters), as 자문위원 or 팀원.
Result<ValidExpert> validate_expert(const ExpertInput& input);

/// The plan's text: line breaks kept, 1..kPlanMaxChars characters.
Result<std::string> validate_plan(std::string_view raw);

/// A field check that took place: a real date not after `today`, the place, the participants and the
/// findings.
Result<ValidFieldCheck> validate_field_check(const FieldCheckInput& input, CivilDate today);

/// A progress report: its date (not after `today`), what was done, and progress as a whole percent 0..100.
Result<ValidReport> validate_report(const ReportInput& input, CivilDate today);

/// The closure: one of the three results, and a text saying what came of it.
Result<ValidClosure> validate_closure(const ClosureInput& input);

}  // namespace sotong::suggestions
