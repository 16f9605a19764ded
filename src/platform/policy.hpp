// The one authorization policy: (role × organisation scope × action). Every route names an action and
// the request pipeline asks this policy before the handler runs; services ask it again for record scope.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/role.hpp"

namespace sotong::platform {

/// Actions every logged-in or anonymous person may take, whatever their role.
inline constexpr std::string_view kPublic = "public";
inline constexpr std::string_view kSignedIn = "signed-in";

enum class Scope {
  everywhere,        // the action is not tied to an organisation
  own_organization,  // non-province-wide roles act only inside their organisation's subtree
};

struct Permission {
  std::string action;  // "organization.edit"
  std::vector<Role> roles;
  Scope scope = Scope::everywhere;
  std::string description;  // Korean, shown on the admin roles page
};

class Policy {
 public:
  /// Registers an action; throws std::logic_error when it is registered twice.
  void add(Permission permission);

  /// May the actor take this action at all? (kPublic and kSignedIn are always allowed to the signed-in.)
  bool allows(const Actor& actor, std::string_view action) const;
  /// May the actor take this action on a record of the organisation with this materialised path?
  bool allows_in(const Actor& actor, std::string_view action, std::string_view organization_path) const;
  /// As allows_in, but as a Result with the Korean refusal. A scoped action (Scope::own_organization)
  /// checked without the record's organisation path is refused for every actor.
  Result<void> check(const Actor& actor, std::string_view action,
                     std::string_view organization_path = {}) const;

  bool knows(std::string_view action) const;
  const std::map<std::string, Permission, std::less<>>& permissions() const { return permissions_; }

 private:
  std::map<std::string, Permission, std::less<>> permissions_;
};

}  // namespace sotong::platform
