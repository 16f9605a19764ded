// The pieces every use case of 문제해결형 TFT (task forces) shares, so that each reads as its steps: the
// pages' addresses, who the person is to a task force, loading it for a step, the change history and telling
// the team.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/role.hpp"
#include "modules/suggestions/suggestion_task_force.hpp"
#include "modules/suggestions/suggestion_task_force_rules.hpp"
#include "platform/attachments/attachments.hpp"
#include "platform/extension_points.hpp"
#include "platform/history/history.hpp"
#include "platform/policy.hpp"
#include "store/database.hpp"

namespace sotong::suggestions {

inline constexpr const char* kTaskForceNotFound = "찾으시는 TFT가 없거나 볼 수 있는 범위 밖에 있습니다.";
/// The attachment owner type of a field check's photos.
inline constexpr const char* kFieldCheckOwner = "suggestion_field_check";
/// The history's record type of a task force.
inline constexpr const char* kTaskForceRecord = "suggestion_task_force";

std::string task_force_url(std::int64_t id);
/// A field check's own page (with its photos): its id alone names it, as the attachment owner needs.
std::string field_check_url(std::int64_t field_check_id);

/// Who the actor is to the task force: a reader of suggestions, the coordinator, a member with a role.
TaskForceStanding standing_of(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                              std::int64_t task_force_id);

/// A task force loaded for one step, with the person's standing.
struct TaskForceFor {
  TaskForce task_force;
  TaskForceStanding standing;
};
/// The task force when it exists and check_step allows `step` to the actor; not_found, forbidden or conflict
/// otherwise (see check_step).
Result<TaskForceFor> load_for_step(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                                   std::int64_t id, TaskForceStep step);

/// Records one change of the task force in the history (record type suggestion_task_force); `before` is empty
/// for a new one.
void record_task_force_change(store::Connection& c, const Actor& actor, std::int64_t id,
                              std::string_view action, const platform::history::Fields& before,
                              const platform::history::Fields& after);

/// The same keys with no value: what a part added to a task force (a member, a field check) was before, so
/// that the history reads "없음 → …" rather than "새 기록" — the task force itself is not new.
platform::history::Fields absent_fields(const platform::history::Fields& fields);

/// One notification to each account (each once), except the actor, linking to the task force.
void tell_team(store::Connection& c, const Actor& actor, std::vector<std::int64_t> accounts, std::int64_t id,
               std::string_view title, std::string_view body);
/// The account ids of the team's members.
std::vector<std::int64_t> member_accounts(store::Connection& c, std::int64_t task_force_id);

/// What the history viewer calls a task force, its fields, values and actions, and how it names one.
platform::HistoryVocabulary task_force_history_vocabulary();

/// The photos of field checks: seen, added and deleted by the team's members and the coordinator only.
platform::attachments::OwnerType field_check_attachment_owner();

}  // namespace sotong::suggestions
