// The survey engine and the cooperation index (surveys): the module's manifest, listed in
// src/app/runtime.cpp.
#pragma once

#include "platform/module.hpp"

namespace sotong::surveys {

/// Everything the module adds to the program: policy rows, menu entries, routes, history labels, the
/// respondent's waiting surveys, the reminder job, the console command, the shipped questionnaire and demo
/// data, and (embedded) migrations, templates and OpenAPI fragment.
platform::ModuleManifest manifest();

}  // namespace sotong::surveys
