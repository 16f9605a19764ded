// What the module needs to know about organisations and people, asked of the platform's stores (their tables
// are not the module's to read): names and paths for the organisations a suggestion names, the choices a form
// offers, an organisation's subtree, and who is told about a decision.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/role.hpp"
#include "modules/suggestions/suggestion.hpp"
#include "platform/organizations/organization.hpp"
#include "store/database.hpp"

namespace sotong::suggestions {

class Directory {
 public:
  /// Every organisation, one query.
  static Directory load(store::Connection& c);

  /// Fills in the name and path of every organisation the suggestion names.
  void describe(Suggestion& record) const;
  OrganizationRef ref(std::int64_t id) const;
  /// Active organisations of a kind, in the directory's order.
  std::vector<const platform::Organization*> active(platform::OrganizationKind kind) const;
  std::vector<std::int64_t> active_ids(platform::OrganizationKind kind) const;
  /// The ids of every organisation inside `path` ("/1/20/"), itself included.
  std::vector<std::int64_t> subtree(const std::string& path) const;
  /// What an officer of the organisation at `path` is involved through: its subtree, and the organisations
  /// above it but below the top (a division's officer acts for its bureau; nobody for the whole province).
  std::vector<std::int64_t> reach(const std::string& path) const;
  /// The 시·군 an organisation belongs to (itself when it is one); 0 when none.
  std::int64_t municipality_of(std::int64_t id) const;
  /// The bureau an organisation belongs to (itself when it is one); 0 when none.
  std::int64_t bureau_of(std::int64_t id) const;
  /// Every organisation, active or not, in the directory's order.
  const std::vector<platform::Organization>& all() const { return organizations_; }

 private:
  std::int64_t ancestor_of_kind(std::int64_t id, platform::OrganizationKind kind) const;
  std::vector<platform::Organization> organizations_;
  std::map<std::int64_t, std::size_t> index_;
};

/// Active accounts with `role` working exactly in `organization_id` (or anywhere, for 0).
std::vector<std::int64_t> accounts_with_role(store::Connection& c, Role role, std::int64_t organization_id);

/// An active account as demo and generated data need it: who writes, under which login, for which
/// organisation.
struct Officer {
  std::int64_t id = 0;
  std::string login;
  std::int64_t organization_id = 0;
};
/// Active accounts holding `role`, anywhere, in id order.
std::vector<Officer> officers_with_role(store::Connection& c, Role role);

/// The display name of each account id (one query).
std::map<std::int64_t, std::string> display_names(store::Connection& c, const std::vector<std::int64_t>& ids);

}  // namespace sotong::suggestions
