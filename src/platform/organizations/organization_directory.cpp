#include "platform/organizations/organization_directory.hpp"

#include "platform/cache/versioned_cache.hpp"
#include "platform/organizations/organization_store.hpp"

namespace sotong::platform {

OrganizationDirectory::OrganizationDirectory(std::vector<Organization> organizations) {
  auto data = std::make_shared<Data>();
  data->organizations = std::move(organizations);
  for (std::size_t i = 0; i < data->organizations.size(); ++i) data->index[data->organizations[i].id] = i;
  data_ = std::move(data);
}

OrganizationDirectory OrganizationDirectory::load(store::Connection& c) {
  static VersionedCache<OrganizationDirectory> kept({organization_store::kDataVersion});
  return *kept.get(c, "", [&] { return OrganizationDirectory(organization_store::list(c, {})); });
}

const Organization* OrganizationDirectory::find(std::int64_t id) const {
  auto it = data_->index.find(id);
  return it == data_->index.end() ? nullptr : &data_->organizations[it->second];
}

std::vector<const Organization*> OrganizationDirectory::active(OrganizationKind kind) const {
  std::vector<const Organization*> out;
  for (const auto& o : data_->organizations)
    if (o.active && o.kind == kind) out.push_back(&o);
  return out;
}

std::vector<std::int64_t> OrganizationDirectory::active_ids(OrganizationKind kind) const {
  std::vector<std::int64_t> out;
  for (const auto* o : active(kind)) out.push_back(o->id);
  return out;
}

std::vector<std::int64_t> OrganizationDirectory::subtree(const std::string& path) const {
  std::vector<std::int64_t> out;
  for (const auto& o : data_->organizations)
    if (o.path.starts_with(path)) out.push_back(o.id);
  return out;
}

std::vector<std::int64_t> OrganizationDirectory::reach(const std::string& path) const {
  std::vector<std::int64_t> out = subtree(path);
  for (const auto& o : data_->organizations)
    if (o.parent_id && o.path != path && path.starts_with(o.path)) out.push_back(o.id);
  return out;
}

std::int64_t OrganizationDirectory::ancestor_of_kind(std::int64_t id, OrganizationKind kind) const {
  // Walking up by parent ids: the path's ids are the same chain, but the parent link needs no parsing.
  for (int depth = 0; depth < 32; ++depth) {
    const Organization* o = find(id);
    if (!o) return 0;
    if (o->kind == kind) return o->id;
    if (!o->parent_id) return 0;
    id = *o->parent_id;
  }
  return 0;
}

std::int64_t OrganizationDirectory::municipality_of(std::int64_t id) const {
  return ancestor_of_kind(id, OrganizationKind::municipality);
}

std::int64_t OrganizationDirectory::bureau_of(std::int64_t id) const {
  return ancestor_of_kind(id, OrganizationKind::bureau);
}

}  // namespace sotong::platform
