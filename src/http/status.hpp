// The one place where expected errors become HTTP status codes.
#pragma once

#include "core/result.hpp"

namespace sotong::http {

/// 422 for invalid input, 401, 403, 404, 409, 423, 413, 500.
int status_for(ErrorCode code);
/// The stable API error code ("invalid_input", "forbidden", …).
const char* error_code_name(ErrorCode code);

}  // namespace sotong::http
