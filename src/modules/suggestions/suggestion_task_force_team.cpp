// The team of a task force: its members (accounts, each with a role) and its outside experts.
#include <utility>

#include "core/korean_text.hpp"
#include "modules/suggestions/suggestion_directory.hpp"
#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestion_task_force_records.hpp"
#include "modules/suggestions/suggestion_task_force_service.hpp"
#include "modules/suggestions/suggestion_task_force_store.hpp"
#include "platform/accounts/account_store.hpp"

namespace sotong::suggestions {
namespace {

/// The active accounts that may view suggestions: only they could read the team's page, so only they may be
/// put on a team (anyone else takes part as an outside expert).
std::vector<platform::Account> eligible_accounts(store::Connection& c, const platform::Policy& policy) {
  platform::account_store::Filter filter;
  filter.active = true;
  std::vector<platform::Account> out;
  for (auto& a : platform::account_store::list(c, filter)) {
    Actor as;
    as.account_id = a.id;
    as.roles = a.roles;
    if (policy.allows(as, kView)) out.push_back(std::move(a));
  }
  return out;
}

platform::history::Fields member_fields(std::int64_t account_id, TeamRole role) {
  return {{"account_id", account_id}, {"role", std::string(team_role_code(role))}};
}

platform::history::Fields expert_fields(const std::string& name, const std::string& affiliation,
                                        const std::string& field, TeamRole role) {
  return {{"expert_name", name},
          {"affiliation", affiliation},
          {"field", field},
          {"role", std::string(team_role_code(role))}};
}

}  // namespace

std::vector<MemberChoiceGroup> member_choices(const platform::ServiceContext& svc) {
  return svc.db.read([&](store::Connection& c) {
    std::vector<MemberChoiceGroup> out;
    // Listed in the organisations' order (the store sorts by organisation path, then name).
    for (const auto& a : eligible_accounts(c, svc.policy)) {
      if (out.empty() || out.back().organization_name != a.organization_name)
        out.push_back({a.organization_name, {}});
      out.back().people.push_back({a.id, a.display_name, a.position});
    }
    return out;
  });
}

Result<void> add_member(const platform::ServiceContext& svc, std::int64_t id, const MemberInput& input) {
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto loaded = load_for_step(c, svc.policy, svc.actor, id, TaskForceStep::manage_team);
    if (!loaded) return loaded.error();
    std::vector<std::int64_t> candidates;
    for (const auto& a : eligible_accounts(c, svc.policy)) candidates.push_back(a.id);
    auto valid = validate_member(input, candidates, task_force_store::members(c, id));
    if (!valid) return valid.error();
    task_force_store::insert_member(c, id, *valid, svc.actor.account_id, now());
    const auto after = member_fields(valid->account_id, valid->role);
    record_task_force_change(c, svc.actor, id, "add_member", absent_fields(after), after);
    const std::string role(team_role_label(valid->role));
    tell_team(c, svc.actor, {valid->account_id}, id, "문제해결형 TFT에 등록되었습니다",
              "‘" + loaded->task_force.name + "’ TFT의 " + with_particle(role, "으로/로") +
                  " 등록되었습니다. 팀원은 해결 방안과 현지확인, 추진상황을 모두 볼 수 있습니다.");
    return {};
  });
}

Result<std::string> remove_member(const platform::ServiceContext& svc, std::int64_t id,
                                  std::int64_t account_id) {
  return svc.db.write([&](store::Connection& c) -> Result<std::string> {
    auto loaded = load_for_step(c, svc.policy, svc.actor, id, TaskForceStep::manage_team);
    if (!loaded) return loaded.error();
    const auto role = task_force_store::role_of(c, id, account_id);
    if (!role || !task_force_store::delete_member(c, id, account_id))
      return Error::not_found("이 TFT의 팀원이 아닙니다.");
    const auto before = member_fields(account_id, *role);
    record_task_force_change(c, svc.actor, id, "remove_member", before, absent_fields(before));
    const auto names = display_names(c, {account_id});
    auto it = names.find(account_id);
    return it == names.end() ? std::string("팀원") : it->second;
  });
}

Result<std::int64_t> add_expert(const platform::ServiceContext& svc, std::int64_t id,
                                const ExpertInput& input) {
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    auto loaded = load_for_step(c, svc.policy, svc.actor, id, TaskForceStep::manage_team);
    if (!loaded) return loaded.error();
    auto valid = validate_expert(input);
    if (!valid) return valid.error();
    const auto expert = task_force_store::insert_expert(c, id, *valid, svc.actor.account_id, now());
    const auto after = expert_fields(valid->name, valid->affiliation, valid->field, valid->role);
    record_task_force_change(c, svc.actor, id, "add_expert", absent_fields(after), after);
    return expert;
  });
}

Result<std::string> remove_expert(const platform::ServiceContext& svc, std::int64_t id,
                                  std::int64_t expert_id) {
  return svc.db.write([&](store::Connection& c) -> Result<std::string> {
    auto loaded = load_for_step(c, svc.policy, svc.actor, id, TaskForceStep::manage_team);
    if (!loaded) return loaded.error();
    for (const auto& e : task_force_store::experts(c, id)) {
      if (e.id != expert_id) continue;
      task_force_store::delete_expert(c, id, expert_id);
      const auto before = expert_fields(e.name, e.affiliation, e.field, e.role);
      record_task_force_change(c, svc.actor, id, "remove_expert", before, absent_fields(before));
      return e.name;
    }
    return Error::not_found("이 TFT의 외부 전문가가 아닙니다.");
  });
}

}  // namespace sotong::suggestions
