// The indicators' JSON API (/api/v1/indicators): which figures exist and their values for a year.
#pragma once

#include "platform/module.hpp"

namespace sotong::platform::indicators {

ModuleManifest manifest();

}  // namespace sotong::platform::indicators
