// Who an account is, by id, for pages that say who changed a record: answered through the identity the
// accounts manifest provides, so no other module reads the accounts table.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "platform/extension_points.hpp"
#include "store/database.hpp"

namespace sotong::platform {

/// Installs the lookup (from the manifest that provides the identity, at start).
void set_display_names(IdentityProvider::DisplayNames lookup);

/// The display names of these accounts on the caller's connection; ids without an account are left out.
std::map<std::int64_t, std::string> display_names(store::Connection& c, const std::vector<std::int64_t>& ids);

}  // namespace sotong::platform
