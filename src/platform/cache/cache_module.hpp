// The cache_versions table (data_version.hpp) as a platform part, so that it is migrated like every other
// table.
#pragma once

#include "platform/module.hpp"

namespace sotong::platform::cache {

ModuleManifest manifest();

}  // namespace sotong::platform::cache
