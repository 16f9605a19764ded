// What the module needs to know about organisations and people, asked of the platform's stores (their tables
// are not the module's to read): names and paths for the organisations a suggestion names, the choices a form
// offers, an organisation's subtree, and who is told about a decision.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/role.hpp"
#include "modules/suggestions/suggestion.hpp"
#include "platform/organizations/organization_directory.hpp"
#include "store/database.hpp"

namespace sotong::suggestions {

/// The platform's organisation directory (kept in memory until an organisation changes), with what this
/// module asks of it: a suggestion's organisations named.
class Directory : public platform::OrganizationDirectory {
 public:
  static Directory load(store::Connection& c) { return Directory(platform::OrganizationDirectory::load(c)); }
  explicit Directory(platform::OrganizationDirectory directory)
      : platform::OrganizationDirectory(std::move(directory)) {}

  /// Fills in the name and path of every organisation the suggestion names.
  void describe(Suggestion& record) const;
  OrganizationRef ref(std::int64_t id) const;
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
