// The SQL of 문제해결형 TFT (task forces): portable statements over the module's task-force tables —
// suggestion_task_forces, suggestion_task_force_links, _members, _experts, _field_checks and _reports.
// Callers pass the connection of their transaction; names of accounts and organisations are the platform's to
// give.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "modules/suggestions/suggestion_task_force.hpp"
#include "store/database.hpp"

namespace sotong::suggestions::task_force_store {

struct ListQuery {
  std::optional<TaskForceStatus> status;
  std::int64_t after = 0;  // keyset: rows with a smaller id than this (0: from the newest)
  std::int64_t limit = 25;
};

/// Task forces newest first, with their linked suggestion ids and without the long texts (issue, plan,
/// result).
std::vector<TaskForce> list(store::Connection& c, const ListQuery& query);
/// One task force with every text and its linked suggestion ids, or nullopt.
std::optional<TaskForce> find(store::Connection& c, std::int64_t id);
/// The id of the task force named exactly `name`, if any (demo data is loaded once by name).
std::optional<std::int64_t> id_by_name(store::Connection& c, const std::string& name);
/// The task forces a suggestion is linked to, oldest first (without the long texts).
std::vector<TaskForce> linked_to(store::Connection& c, std::int64_t suggestion_id);
/// Which of `ids` are suggestions that exist and are not drafts (a draft is its organisation's alone).
std::vector<std::int64_t> linkable_suggestions(store::Connection& c, const std::vector<std::int64_t>& ids);

std::int64_t insert(store::Connection& c, const ValidTaskForce& task_force, std::int64_t created_by,
                    Timestamp at);
/// Rewrites the name, the issue and the linked suggestions.
void update(store::Connection& c, std::int64_t id, const ValidTaskForce& task_force, Timestamp at);
/// Writes the status with its milestones and the result.
void save_status(store::Connection& c, const TaskForce& task_force, Timestamp at);
void save_plan(store::Connection& c, std::int64_t id, const std::string& plan, std::int64_t by, Timestamp at);

/// The members in the order added (names not filled in).
std::vector<TaskForceMember> members(store::Connection& c, std::int64_t task_force_id);
/// The account's role on the team, or nullopt when not a member.
std::optional<TeamRole> role_of(store::Connection& c, std::int64_t task_force_id, std::int64_t account_id);
/// The ids of the task forces among `ids` that the account is a member of.
std::vector<std::int64_t> member_of(store::Connection& c, std::int64_t account_id,
                                    const std::vector<std::int64_t>& ids);
void insert_member(store::Connection& c, std::int64_t task_force_id, const ValidMember& member,
                   std::int64_t added_by, Timestamp at);
/// Deletes the membership; false when the account was not a member.
bool delete_member(store::Connection& c, std::int64_t task_force_id, std::int64_t account_id);

std::vector<TaskForceExpert> experts(store::Connection& c, std::int64_t task_force_id);
std::int64_t insert_expert(store::Connection& c, std::int64_t task_force_id, const ValidExpert& expert,
                           std::int64_t added_by, Timestamp at);
/// Deletes the expert of this task force; false when there is none with that id.
bool delete_expert(store::Connection& c, std::int64_t task_force_id, std::int64_t expert_id);

std::vector<FieldCheck> field_checks(store::Connection& c, std::int64_t task_force_id);
std::optional<FieldCheck> find_field_check(store::Connection& c, std::int64_t id);
std::int64_t insert_field_check(store::Connection& c, std::int64_t task_force_id,
                                const ValidFieldCheck& check, std::int64_t created_by, Timestamp at);

/// The reports in the order filed.
std::vector<TaskForceReport> reports(store::Connection& c, std::int64_t task_force_id);
std::int64_t insert_report(store::Connection& c, std::int64_t task_force_id, const ValidReport& report,
                           std::int64_t created_by, Timestamp at);

}  // namespace sotong::suggestions::task_force_store
