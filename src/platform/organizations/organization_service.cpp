#include "platform/organizations/organization_service.hpp"

#include "platform/display_names.hpp"
#include "platform/history/history.hpp"
#include "platform/organizations/organization_contact_store.hpp"
#include "platform/search/search_index.hpp"

namespace sotong::platform::organizations {
namespace {
Error duplicate_code() {
  return Error::conflict("이미 사용 중인 기관코드입니다.", {{"code", "이미 사용 중인 기관코드입니다."}});
}

Result<std::string> parent_path(store::Connection& c, const ValidOrganization& v,
                                const std::optional<Organization>& self) {
  std::optional<Organization> parent;
  if (v.parent_id) {
    parent = organization_store::find(c, *v.parent_id);
    if (!parent)
      return Error::invalid("입력 내용을 확인해 주십시오.", {{"parent_id", "상위 기관을 찾을 수 없습니다."}});
  }
  if (auto ok = check_parent(v.kind, parent, self); !ok) return ok.error();
  return parent ? parent->path : std::string{};
}

/// The fields the history keeps of an organisation, before and after a change.
history::Fields history_fields(const Organization& o) {
  return {{"code", o.code},
          {"name", o.name},
          {"kind", kind_code(o.kind)},
          {"parent_id", o.parent_id},
          {"sort_order", o.sort_order},
          {"active", o.active}};
}

std::string history_json(store::Connection& c, std::int64_t id) {
  return history::to_json(history_fields(*organization_store::find(c, id)));
}

std::vector<OrganizationUsage>& usages() {
  static std::vector<OrganizationUsage> registered;
  return registered;
}

std::vector<Usage> usage_of(store::Connection& c, std::int64_t id) {
  std::vector<Usage> out;
  for (const auto& u : usages()) out.push_back({u.label, u.unit, u.count(c, id)});
  return out;
}

Result<void> set_active(const ServiceContext& svc, std::int64_t id, bool active) {
  if (auto ok = svc.policy.check(svc.actor, kManage); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto org = organization_store::find(c, id);
    if (!org) return Error::not_found(kNotFound);
    if (!active && organization_store::count_active_children(c, id) > 0) {
      return Error::conflict(
          "활성 상태인 하위 기관이 있어 비활성화할 수 없습니다. 하위 기관을 먼저 비활성화해 주십시오.");
    }
    for (const auto& u : usages()) {
      if (!active && u.count(c, id) > 0) return Error::conflict(u.refusal);
    }
    if (active && org->parent_id) {
      auto parent = organization_store::find(c, *org->parent_id);
      if (parent && !parent->active)
        return Error::conflict("상위 기관이 비활성 상태입니다. 상위 기관을 먼저 활성화해 주십시오.");
    }
    organization_store::set_active(c, id, active, now());
    index_for_search(c, id);
    history::record_change(c, svc.actor,
                           {"organization", id, active ? "activate" : "deactivate",
                            history::to_json(history_fields(*org)), history_json(c, id)});
    return success();
  });
}
}  // namespace

void register_usage(const OrganizationUsage& usage) {
  for (auto& u : usages()) {
    if (u.label == usage.label) {
      u = usage;
      return;
    }
  }
  usages().push_back(usage);
}

Result<std::vector<Organization>> list_organizations(const ServiceContext& svc,
                                                     const organization_store::Filter& filter) {
  if (auto ok = svc.policy.check(svc.actor, kView); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) { return organization_store::list(c, filter); });
}

Result<Detail> get_organization(const ServiceContext& svc, std::int64_t id) {
  if (auto ok = svc.policy.check(svc.actor, kView); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<Detail> {
    auto org = organization_store::find(c, id);
    if (!org) return Error::not_found(kNotFound);
    Detail d{*org, organization_store::former_names(c, id), {}, usage_of(c, id)};
    std::vector<std::int64_t> changers;
    for (const auto& n : d.former_names) changers.push_back(n.changed_by_id);
    const auto names = display_names(c, changers);
    for (auto& n : d.former_names)
      if (auto it = names.find(n.changed_by_id); it != names.end()) n.changed_by = it->second;
    for (auto& o : organization_store::list(c, {}))
      if (o.parent_id == id) d.children.push_back(std::move(o));
    return d;
  });
}

Result<std::int64_t> create_organization(const ServiceContext& svc, const OrganizationInput& input) {
  if (auto ok = svc.policy.check(svc.actor, kManage); !ok) return ok.error();
  auto valid = validate_organization(input);
  if (!valid) return valid.error();
  try {
    return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
      if (organization_store::find_by_code(c, valid->code)) return duplicate_code();
      auto path = parent_path(c, *valid, std::nullopt);
      if (!path) return path.error();
      const auto id = organization_store::insert(c, *valid, *path, now());
      history::record_change(c, svc.actor, {"organization", id, "create", "", history_json(c, id)});
      index_for_search(c, id);
      return id;
    });
  } catch (const store::ConstraintViolation&) {
    return duplicate_code();  // another node took the code between our check and our insert
  }
}

Result<void> update_organization(const ServiceContext& svc, std::int64_t id, const OrganizationInput& input) {
  if (auto ok = svc.policy.check(svc.actor, kManage); !ok) return ok.error();
  auto valid = validate_organization(input);
  if (!valid) return valid.error();
  try {
    return svc.db.write([&](store::Connection& c) -> Result<void> {
      auto before = organization_store::find(c, id);
      if (!before) return Error::not_found(kNotFound);
      if (auto other = organization_store::find_by_code(c, valid->code); other && other->id != id)
        return duplicate_code();
      if (before->name != valid->name && valid->rename_reason.empty()) {
        return Error::invalid("입력 내용을 확인해 주십시오.",
                              {{"rename_reason", "기관명을 바꿀 때는 변경 사유를 입력해 주십시오."}});
      }
      auto path = parent_path(c, *valid, before);
      if (!path) return path.error();
      organization_store::update(c, *before, *valid, *path, svc.actor.account_id, now());
      // The subtree's documents move with it; the organisation and its subtree name it (상위 기관).
      const std::string new_path = (path->empty() ? "/" : *path) + std::to_string(id) + "/";
      search::move_organization_paths(c, before->path, new_path);
      for (const auto& o : organization_store::list(c, {}))
        if (o.path.rfind(new_path, 0) == 0) index_for_search(c, o.id);
      auto after = history_fields(*organization_store::find(c, id));
      if (before->name != valid->name) after.emplace_back("rename_reason", valid->rename_reason);
      history::record_change(
          c, svc.actor,
          {"organization", id, "update", history::to_json(history_fields(*before)), history::to_json(after)});
      return success();
    });
  } catch (const store::ConstraintViolation&) {
    return duplicate_code();
  }
}

Result<void> deactivate_organization(const ServiceContext& svc, std::int64_t id) {
  return set_active(svc, id, false);
}

Result<void> activate_organization(const ServiceContext& svc, std::int64_t id) {
  return set_active(svc, id, true);
}

void index_for_search(store::Connection& c, std::int64_t id) {
  const auto org = organization_store::find(c, id);
  if (!org) return;
  std::string body = "기관코드 " + org->code + " · " + std::string(kind_label(org->kind));
  if (!org->parent_name.empty()) body += " · 상위 기관 " + org->parent_name;
  const auto names = organization_store::former_names(c, id);
  for (std::size_t i = 0; i < names.size(); ++i) body += (i ? ", " : " · 이전 명칭 ") + names[i].name;
  if (const auto contact = organization_contact_store::find(c, id)) {
    if (!contact->phone.empty()) body += " · 대표전화 " + contact->phone;
    if (!contact->address.empty()) body += " · " + contact->address;
  }
  // An active organisation is in the directory every signed-in person reads; an inactive one only on the
  // administrators' page.
  if (org->active) {
    search::index(c, {"organizations", id, org->name, body, "/organizations/" + std::to_string(id), kView, "",
                      org->updated_at});
  } else {
    search::index(c, {"organizations", id, org->name, body + " · 비활성",
                      "/admin/organizations/" + std::to_string(id), kManage, org->path, org->updated_at});
  }
}

void reindex_search(store::Connection& c) {
  for (const auto& o : organization_store::list(c, {})) index_for_search(c, o.id);
}

}  // namespace sotong::platform::organizations
