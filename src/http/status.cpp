#include "http/status.hpp"

namespace sotong::http {

int status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input:
      return 422;
    case ErrorCode::unauthenticated:
      return 401;
    case ErrorCode::forbidden:
      return 403;
    case ErrorCode::not_found:
      return 404;
    case ErrorCode::conflict:
      return 409;
    case ErrorCode::locked:
      return 423;
    case ErrorCode::too_large:
      return 413;
    case ErrorCode::internal:
      return 500;
  }
  return 500;
}

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input:
      return "invalid_input";
    case ErrorCode::unauthenticated:
      return "unauthenticated";
    case ErrorCode::forbidden:
      return "forbidden";
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::conflict:
      return "conflict";
    case ErrorCode::locked:
      return "locked";
    case ErrorCode::too_large:
      return "too_large";
    case ErrorCode::internal:
      return "internal";
  }
  return "internal";
}

}  // namespace sotong::http
