// Which indexed records an actor may see: the policy's actions turned into a filter the search SQL applies,
// so a result page and its count never include a record the actor may not open.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/role.hpp"
#include "platform/policy.hpp"

namespace sotong::platform::search {

struct Visibility {
  /// Actions the actor may take on a record of any organisation.
  std::vector<std::string> everywhere;
  /// Actions the actor may take only on records inside `own_path` (their organisation's subtree).
  std::vector<std::string> own;
  std::string own_path;

  /// The same answer as Policy::allows_in for this actor, from the lists above.
  bool allows(std::string_view action, std::string_view organization_path) const;
};

/// The visibility of records to `actor` under `policy`: for every action the policy knows (and the
/// built-in public and signed-in actions), whether the actor may open a record guarded by it everywhere,
/// only inside their own organisation, or not at all.
Visibility visibility_for(const Policy& policy, const Actor& actor);

}  // namespace sotong::platform::search
