// The home dashboard: each role sees the cards the modules declare for it.
#pragma once

#include "platform/module.hpp"

namespace sotong::platform::home {

ModuleManifest manifest();

}  // namespace sotong::platform::home
