#include "platform/organizations/organization_service.hpp"

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
}  // namespace

Result<std::vector<Organization>> list(store::Database& db, const Policy& policy, const Actor& actor,
                                       const organization_store::Filter& filter) {
  if (auto ok = policy.check(actor, kView); !ok) return ok.error();
  return db.read([&](store::Connection& c) { return organization_store::list(c, filter); });
}

Result<Detail> get(store::Database& db, const Policy& policy, const Actor& actor, std::int64_t id) {
  if (auto ok = policy.check(actor, kView); !ok) return ok.error();
  return db.read([&](store::Connection& c) -> Result<Detail> {
    auto org = organization_store::find(c, id);
    if (!org) return Error::not_found("기관을 찾을 수 없습니다.");
    Detail d{
        *org, organization_store::former_names(c, id), {}, organization_store::count_active_accounts(c, id)};
    for (auto& o : organization_store::list(c, {}))
      if (o.parent_id == id) d.children.push_back(std::move(o));
    return d;
  });
}

Result<std::int64_t> create(store::Database& db, const Policy& policy, const Actor& actor,
                            const OrganizationInput& input) {
  if (auto ok = policy.check(actor, kManage); !ok) return ok.error();
  auto valid = validate_organization(input);
  if (!valid) return valid.error();
  try {
    return db.write([&](store::Connection& c) -> Result<std::int64_t> {
      if (organization_store::find_by_code(c, valid->code)) return duplicate_code();
      auto path = parent_path(c, *valid, std::nullopt);
      if (!path) return path.error();
      return organization_store::insert(c, *valid, *path, now());
    });
  } catch (const store::ConstraintViolation&) {
    return duplicate_code();  // another node took the code between our check and our insert
  }
}

Result<void> update(store::Database& db, const Policy& policy, const Actor& actor, std::int64_t id,
                    const OrganizationInput& input) {
  if (auto ok = policy.check(actor, kManage); !ok) return ok.error();
  auto valid = validate_organization(input);
  if (!valid) return valid.error();
  try {
    return db.write([&](store::Connection& c) -> Result<void> {
      auto before = organization_store::find(c, id);
      if (!before) return Error::not_found("기관을 찾을 수 없습니다.");
      if (auto other = organization_store::find_by_code(c, valid->code); other && other->id != id)
        return duplicate_code();
      if (before->name != valid->name && valid->rename_reason.empty()) {
        return Error::invalid("입력 내용을 확인해 주십시오.",
                              {{"rename_reason", "기관명을 바꿀 때는 변경 사유를 입력해 주십시오."}});
      }
      auto path = parent_path(c, *valid, before);
      if (!path) return path.error();
      organization_store::update(c, *before, *valid, *path, actor.account_id, now());
      return success();
    });
  } catch (const store::ConstraintViolation&) {
    return duplicate_code();
  }
}

Result<void> set_active(store::Database& db, const Policy& policy, const Actor& actor, std::int64_t id,
                        bool active) {
  if (auto ok = policy.check(actor, kManage); !ok) return ok.error();
  return db.write([&](store::Connection& c) -> Result<void> {
    auto org = organization_store::find(c, id);
    if (!org) return Error::not_found("기관을 찾을 수 없습니다.");
    if (!active && organization_store::count_active_children(c, id) > 0) {
      return Error::conflict(
          "활성 상태인 하위 기관이 있어 비활성화할 수 없습니다. 하위 기관을 먼저 비활성화해 주십시오.");
    }
    if (!active && organization_store::count_active_accounts(c, id) > 0) {
      return Error::conflict(
          "이 기관에 소속된 사용 중인 계정이 있어 비활성화할 수 없습니다. 계정을 먼저 옮기거나 중지해 "
          "주십시오.");
    }
    if (active && org->parent_id) {
      auto parent = organization_store::find(c, *org->parent_id);
      if (parent && !parent->active)
        return Error::conflict("상위 기관이 비활성 상태입니다. 상위 기관을 먼저 활성화해 주십시오.");
    }
    organization_store::set_active(c, id, active, now());
    return success();
  });
}

}  // namespace sotong::platform::organizations
