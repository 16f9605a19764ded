// The one table of expected outcomes: an error code's HTTP status, its stable API code and the Korean heading
// and message of its page.
#pragma once

#include "core/result.hpp"

namespace sotong::http {

struct StatusText {
  int status = 500;
  const char* api_code = "internal";  // "invalid_input", "forbidden", …
  const char* heading = "";           // the error page's heading
  const char* message = "";           // the error page's text when the error carries none
};

/// The row of an expected error: 422 for invalid input, 401, 403, 404, 409, 423, 413, 500.
const StatusText& status_text(ErrorCode code);
/// The row of a status the server answers by itself (400, 404, 405, 413, 431, 500, 501, 503 …); an unknown
/// status gets the 500 row's texts with its own number.
StatusText status_text(int status);

/// Shorthands for status_text(code).status and .api_code.
int status_for(ErrorCode code);
const char* error_code_name(ErrorCode code);

}  // namespace sotong::http
