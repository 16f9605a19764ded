// Every organisation, as modules ask about them on each page: names and paths, a subtree, the 시·군 or bureau
// an organisation belongs to. Kept in memory until an organisation changes (organization_store bumps its data
// version), so a page pays one small query instead of reading and sorting the whole table.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "platform/organizations/organization.hpp"
#include "store/database.hpp"

namespace sotong::platform {

class OrganizationDirectory {
 public:
  /// The directory as this transaction sees it (kept, or read once when an organisation changed). Copies
  /// share the same data.
  static OrganizationDirectory load(store::Connection& c);
  /// A directory of exactly these organisations (tests, and data not yet written).
  explicit OrganizationDirectory(std::vector<Organization> organizations);

  /// The organisation with this id; nullptr when there is none.
  const Organization* find(std::int64_t id) const;
  /// Active organisations of a kind, in the directory's order.
  std::vector<const Organization*> active(OrganizationKind kind) const;
  std::vector<std::int64_t> active_ids(OrganizationKind kind) const;
  /// The ids of every organisation inside `path` ("/1/20/"), itself included.
  std::vector<std::int64_t> subtree(const std::string& path) const;
  /// What an officer of the organisation at `path` is involved through: its subtree, and the organisations
  /// above it but below the top (a division's officer acts for its bureau; nobody for the whole province).
  std::vector<std::int64_t> reach(const std::string& path) const;
  /// The 시·군 an organisation belongs to (itself when it is one); 0 when none.
  std::int64_t municipality_of(std::int64_t id) const;
  /// The bureau an organisation belongs to (itself when it is one); 0 when none.
  std::int64_t bureau_of(std::int64_t id) const;
  /// The nearest organisation of `kind` at or above `id`; 0 when none.
  std::int64_t ancestor_of_kind(std::int64_t id, OrganizationKind kind) const;
  /// Every organisation, active or not, in the directory's order (organization_store::list's).
  const std::vector<Organization>& all() const { return data_->organizations; }

 private:
  struct Data {
    std::vector<Organization> organizations;
    std::map<std::int64_t, std::size_t> index;
  };
  explicit OrganizationDirectory(std::shared_ptr<const Data> data) : data_(std::move(data)) {}
  std::shared_ptr<const Data> data_;
};

}  // namespace sotong::platform
