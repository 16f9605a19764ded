// `sotong audit import …`: a register too large for a browser upload (tens of millions of rows) imported on
// the server, through the same checks, hashing and record as an upload.
#pragma once

#include "platform/extension_points.hpp"

namespace sotong::audit {

platform::CliCommand audit_command();

}  // namespace sotong::audit
