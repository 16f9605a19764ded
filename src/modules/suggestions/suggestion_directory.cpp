#include "modules/suggestions/suggestion_directory.hpp"

#include <algorithm>

#include "platform/accounts/account_store.hpp"
#include "platform/organizations/organization_store.hpp"

namespace sotong::suggestions {

Directory Directory::load(store::Connection& c) {
  Directory d;
  d.organizations_ = platform::organization_store::list(c, {});
  for (std::size_t i = 0; i < d.organizations_.size(); ++i) d.index_[d.organizations_[i].id] = i;
  return d;
}

OrganizationRef Directory::ref(std::int64_t id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return {id, "", ""};
  const auto& o = organizations_[it->second];
  return {o.id, o.name, o.path};
}

void Directory::describe(Suggestion& r) const {
  r.organization = ref(r.organization.id);
  if (r.addressed_bureau) r.addressed_bureau = ref(r.addressed_bureau->id);
  if (r.lead_bureau) r.lead_bureau = ref(r.lead_bureau->id);
  for (auto& o : r.concerned) o = ref(o.id);
  for (auto& o : r.cooperating) o = ref(o.id);
}

std::vector<const platform::Organization*> Directory::active(platform::OrganizationKind kind) const {
  std::vector<const platform::Organization*> out;
  for (const auto& o : organizations_)
    if (o.active && o.kind == kind) out.push_back(&o);
  return out;
}

std::vector<std::int64_t> Directory::active_ids(platform::OrganizationKind kind) const {
  std::vector<std::int64_t> out;
  for (const auto* o : active(kind)) out.push_back(o->id);
  return out;
}

std::vector<std::int64_t> Directory::subtree(const std::string& path) const {
  std::vector<std::int64_t> out;
  for (const auto& o : organizations_)
    if (o.path.starts_with(path)) out.push_back(o.id);
  return out;
}

std::vector<std::int64_t> Directory::reach(const std::string& path) const {
  std::vector<std::int64_t> out = subtree(path);
  for (const auto& o : organizations_)
    if (o.parent_id && o.path != path && path.starts_with(o.path)) out.push_back(o.id);
  return out;
}

std::int64_t Directory::ancestor_of_kind(std::int64_t id, platform::OrganizationKind kind) const {
  // Walking up by parent ids: the path's ids are the same chain, but the parent link needs no parsing.
  for (int depth = 0; depth < 32; ++depth) {
    auto it = index_.find(id);
    if (it == index_.end()) return 0;
    const auto& o = organizations_[it->second];
    if (o.kind == kind) return o.id;
    if (!o.parent_id) return 0;
    id = *o.parent_id;
  }
  return 0;
}

std::int64_t Directory::municipality_of(std::int64_t id) const {
  return ancestor_of_kind(id, platform::OrganizationKind::municipality);
}

std::int64_t Directory::bureau_of(std::int64_t id) const {
  return ancestor_of_kind(id, platform::OrganizationKind::bureau);
}

std::vector<std::int64_t> accounts_with_role(store::Connection& c, Role role, std::int64_t organization_id) {
  platform::account_store::Filter filter;
  filter.role = role;
  filter.active = true;
  if (organization_id != 0) filter.organization_id = organization_id;
  std::vector<std::int64_t> out;
  for (const auto& a : platform::account_store::list(c, filter)) out.push_back(a.id);
  return out;
}

std::vector<Officer> officers_with_role(store::Connection& c, Role role) {
  platform::account_store::Filter filter;
  filter.role = role;
  filter.active = true;
  std::vector<Officer> out;
  for (const auto& a : platform::account_store::list(c, filter))
    out.push_back({a.id, a.login_id, a.organization_id});
  std::sort(out.begin(), out.end(), [](const Officer& a, const Officer& b) { return a.id < b.id; });
  return out;
}

std::map<std::int64_t, std::string> display_names(store::Connection& c,
                                                  const std::vector<std::int64_t>& ids) {
  return platform::account_store::display_names(c, ids);
}

}  // namespace sotong::suggestions
