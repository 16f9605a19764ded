#include "modules/suggestions/suggestion_task_force_service.hpp"

#include <algorithm>
#include <utility>

#include "modules/suggestions/suggestion_directory.hpp"
#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestion_records.hpp"
#include "modules/suggestions/suggestion_task_force_records.hpp"
#include "modules/suggestions/suggestion_task_force_store.hpp"
#include "platform/accounts/account_store.hpp"

namespace sotong::suggestions {
namespace {

/// What anyone who may view suggestions may know of a task force: nothing of the team's work.
TaskForce summary_of(const TaskForce& t) {
  TaskForce out;
  out.id = t.id;
  out.name = t.name;
  out.status = t.status;
  out.suggestion_ids = t.suggestion_ids;
  out.created_at = t.created_at;
  out.updated_at = t.updated_at;
  return out;
}

/// The linked suggestions the actor may see, in the order linked; the others are left out without a trace.
std::vector<LinkedSuggestion> visible_suggestions(store::Connection& c, const Directory& directory,
                                                  const platform::Policy& policy, const Actor& actor,
                                                  const std::vector<std::int64_t>& ids) {
  std::vector<LinkedSuggestion> out;
  for (std::int64_t id : ids) {
    auto s = load_described(c, directory, id);
    if (s && can_view_suggestion(policy, actor, *s)) out.push_back({s->id, s->title, s->state});
  }
  return out;
}

int role_rank(TeamRole role) {
  switch (role) {
    case TeamRole::leader:
      return 0;
    case TeamRole::secretary:
      return 1;
    default:
      return 2;
  }
}

/// The members with their names, positions and organisations, 팀장 first.
std::vector<TaskForceMember> named_members(store::Connection& c, std::int64_t id) {
  auto members = task_force_store::members(c, id);
  for (auto& m : members) {
    if (auto a = platform::account_store::find(c, m.account_id)) {
      m.name = a->display_name;
      m.position = a->position;
      m.organization_name = a->organization_name;
    }
  }
  std::stable_sort(members.begin(), members.end(), [](const TaskForceMember& a, const TaskForceMember& b) {
    return role_rank(a.role) < role_rank(b.role);
  });
  return members;
}

TaskForceDetails details_of(store::Connection& c, const TaskForce& t, const TaskForceStanding& standing) {
  TaskForceDetails d;
  d.members = named_members(c, t.id);
  d.experts = task_force_store::experts(c, t.id);
  d.field_checks = task_force_store::field_checks(c, t.id);
  d.reports = task_force_store::reports(c, t.id);
  std::vector<std::int64_t> authors;
  for (const auto& f : d.field_checks) authors.push_back(f.created_by);
  for (const auto& r : d.reports) authors.push_back(r.created_by);
  const auto names = display_names(c, authors);
  auto name_of = [&](std::int64_t id) {
    auto it = names.find(id);
    return it == names.end() ? std::string() : it->second;
  };
  for (auto& f : d.field_checks) {
    f.created_by_name = name_of(f.created_by);
    d.photos[f.id] = platform::attachments::list(c, kFieldCheckOwner, f.id);
  }
  for (auto& r : d.reports) r.created_by_name = name_of(r.created_by);
  if (!d.reports.empty()) d.progress = d.reports.back().percent;
  d.steps = available_steps(t.status, standing);
  return d;
}

std::vector<std::string> id_texts(const std::vector<std::int64_t>& ids) {
  std::vector<std::string> out;
  for (std::int64_t id : ids) out.push_back(std::to_string(id));
  return out;
}

platform::history::Fields formed_fields(const TaskForce& t) {
  return {{"name", t.name}, {"issue", t.issue}, {"suggestion_ids", id_texts(t.suggestion_ids)}};
}

platform::history::Fields status_fields(const TaskForce& t) {
  std::optional<std::string> result;
  if (t.result) result = std::string(task_force_result_code(*t.result));
  platform::history::Fields out = {{"status", std::string(task_force_status_code(t.status))}};
  if (t.result) {
    out.emplace_back("result", result);
    out.emplace_back("result_text", t.result_text);
  }
  return out;
}

}  // namespace

Result<TaskForcePage> list_task_forces(const platform::ServiceContext& svc,
                                       std::optional<TaskForceStatus> status, std::int64_t after,
                                       std::int64_t page_size) {
  // The list holds no organisation's records: whoever may view suggestions at all may see it.
  if (auto allowed = platform::require(svc, kView); !allowed) return allowed.error();
  return svc.db.read([&](store::Connection& c) -> Result<TaskForcePage> {
    const auto directory = Directory::load(c);
    auto rows = task_force_store::list(c, {status, after, page_size + 1});
    TaskForcePage page;
    if (static_cast<std::int64_t>(rows.size()) > page_size) {
      rows.resize(static_cast<std::size_t>(page_size));
      page.next = rows.back().id;
    }
    std::vector<std::int64_t> ids;
    for (const auto& t : rows) ids.push_back(t.id);
    const auto mine = task_force_store::member_of(c, svc.actor.account_id, ids);
    for (const auto& t : rows) {
      page.items.push_back({summary_of(t),
                            visible_suggestions(c, directory, svc.policy, svc.actor, t.suggestion_ids),
                            std::find(mine.begin(), mine.end(), t.id) != mine.end()});
    }
    return page;
  });
}

Result<TaskForceFile> open_task_force(const platform::ServiceContext& svc, std::int64_t id) {
  return svc.db.read([&](store::Connection& c) -> Result<TaskForceFile> {
    auto found = task_force_store::find(c, id);
    if (!found) return Error::not_found(kTaskForceNotFound);
    TaskForceFile file;
    file.standing = standing_of(c, svc.policy, svc.actor, id);
    if (!file.standing.viewer && !may(TaskForceStep::view_details, file.standing))
      return Error::not_found(kTaskForceNotFound);
    file.suggestions =
        visible_suggestions(c, Directory::load(c), svc.policy, svc.actor, found->suggestion_ids);
    if (!may(TaskForceStep::view_details, file.standing)) {
      file.task_force = summary_of(*found);
      return file;
    }
    file.task_force = std::move(*found);
    if (file.task_force.plan_updated_by) {
      const auto names = display_names(c, {*file.task_force.plan_updated_by});
      if (auto it = names.find(*file.task_force.plan_updated_by); it != names.end())
        file.task_force.plan_updated_by_name = it->second;
    }
    file.details = details_of(c, file.task_force, file.standing);
    return file;
  });
}

Result<TaskForceFile> open_task_force_for(const platform::ServiceContext& svc, std::int64_t id,
                                          TaskForceStep step) {
  auto file = open_task_force(svc, id);
  if (!file) return file.error();
  if (auto ok = check_step(step, file->task_force.status, file->standing); !ok) return ok.error();
  return file;
}

std::vector<TaskForce> task_forces_of_suggestion(store::Connection& c, std::int64_t suggestion_id) {
  std::vector<TaskForce> out;
  for (const auto& t : task_force_store::linked_to(c, suggestion_id)) out.push_back(summary_of(t));
  return out;
}

Result<std::int64_t> create_task_force(const platform::ServiceContext& svc, const TaskForceInput& input) {
  if (!svc.policy.allows(svc.actor, kCoordinate))
    return Error::forbidden("문제해결형 TFT는 시·군정책협력담당이 구성합니다.");
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    const auto linkable = task_force_store::linkable_suggestions(c, typed_suggestion_ids(input));
    auto valid = validate_task_force(input, linkable);
    if (!valid) return valid.error();
    const auto id = task_force_store::insert(c, *valid, svc.actor.account_id, now());
    auto created = task_force_store::find(c, id);
    auto after = formed_fields(*created);
    after.emplace_back("status", std::string(task_force_status_code(created->status)));
    record_task_force_change(c, svc.actor, id, "create", {}, after);
    return id;
  });
}

Result<void> update_task_force(const platform::ServiceContext& svc, std::int64_t id,
                               const TaskForceInput& input) {
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto loaded = load_for_step(c, svc.policy, svc.actor, id, TaskForceStep::edit);
    if (!loaded) return loaded.error();
    const auto linkable = task_force_store::linkable_suggestions(c, typed_suggestion_ids(input));
    auto valid = validate_task_force(input, linkable);
    if (!valid) return valid.error();
    task_force_store::update(c, id, *valid, now());
    record_task_force_change(c, svc.actor, id, "update", formed_fields(loaded->task_force),
                             formed_fields(*task_force_store::find(c, id)));
    return {};
  });
}

Result<void> start_task_force(const platform::ServiceContext& svc, std::int64_t id) {
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto loaded = load_for_step(c, svc.policy, svc.actor, id, TaskForceStep::start);
    if (!loaded) return loaded.error();
    const TaskForce before = loaded->task_force;
    auto status = next_status(before.status, TaskForceStep::start);
    if (!status) return status.error();
    TaskForce after = before;
    const Timestamp at = now();
    after.status = *status;
    after.started_at = at;
    task_force_store::save_status(c, after, at);
    record_task_force_change(c, svc.actor, id, "start", status_fields(before), status_fields(after));
    return {};
  });
}

Result<void> close_task_force(const platform::ServiceContext& svc, std::int64_t id,
                              const ClosureInput& input) {
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto loaded = load_for_step(c, svc.policy, svc.actor, id, TaskForceStep::close);
    if (!loaded) return loaded.error();
    auto closure = validate_closure(input);
    if (!closure) return closure.error();
    const TaskForce before = loaded->task_force;
    auto status = next_status(before.status, TaskForceStep::close);
    if (!status) return status.error();
    TaskForce after = before;
    const Timestamp at = now();
    after.status = *status;
    after.closed_at = at;
    after.result = closure->result;
    after.result_text = closure->text;
    task_force_store::save_status(c, after, at);
    record_task_force_change(c, svc.actor, id, "close", status_fields(before), status_fields(after));
    tell_team(c, svc.actor, member_accounts(c, id), id, "문제해결형 TFT 활동이 종료되었습니다",
              after.name + ": " + std::string(task_force_result_label(closure->result)));
    return {};
  });
}

}  // namespace sotong::suggestions
