#include "http/status.hpp"

#include <array>

namespace sotong::http {
namespace {

struct Row {
  ErrorCode code;
  bool has_code;  // false: a status the server answers without an ErrorCode
  StatusText text;
};

// clang-format off
constexpr std::array kRows = {
    Row{ErrorCode::invalid_input, true, {422, "invalid_input", "입력 내용을 확인해 주십시오",
        "입력한 내용이 올바르지 않습니다."}},
    Row{ErrorCode::unauthenticated, true, {401, "unauthenticated", "로그인이 필요합니다",
        "로그인한 뒤 다시 시도해 주십시오."}},
    Row{ErrorCode::forbidden, true, {403, "forbidden", "접근 권한이 없습니다",
        "이 페이지나 작업에 대한 권한이 없습니다. 필요하면 시스템 관리자에게 문의하십시오."}},
    Row{ErrorCode::not_found, true, {404, "not_found", "페이지를 찾을 수 없습니다",
        "주소가 바뀌었거나 삭제된 페이지입니다. 주소를 다시 확인해 주십시오."}},
    Row{ErrorCode::conflict, true, {409, "conflict", "처리할 수 없는 요청입니다",
        "다른 자료와 충돌하여 요청을 처리하지 못했습니다."}},
    Row{ErrorCode::too_many_requests, true, {429, "too_many_requests", "요청이 너무 많습니다",
        "잠시 후 다시 시도해 주십시오."}},
    Row{ErrorCode::too_large, true, {413, "too_large", "요청이 너무 큽니다",
        "보낸 내용이 허용된 크기를 넘었습니다. 크기를 줄여 다시 보내 주십시오."}},
    Row{ErrorCode::internal, true, {500, "internal", "일시적인 오류가 발생했습니다",
        "요청을 처리하는 중 문제가 생겼습니다. 잠시 후 다시 시도해 주십시오."}},
    Row{ErrorCode::internal, false, {400, "bad_request", "잘못된 요청입니다",
        "요청의 형식이 올바르지 않습니다. 주소와 입력 내용을 확인해 주십시오."}},
    Row{ErrorCode::internal, false, {405, "method_not_allowed", "허용되지 않는 요청 방식입니다",
        "이 주소는 해당 방식의 요청을 받지 않습니다."}},
    Row{ErrorCode::internal, false, {431, "headers_too_large", "요청 헤더가 너무 큽니다",
        "브라우저의 쿠키를 지운 뒤 다시 시도해 주십시오."}},
    Row{ErrorCode::internal, false, {501, "not_implemented", "지원하지 않는 요청 방식입니다",
        "이 서버는 해당 방식의 요청을 처리하지 않습니다."}},
    Row{ErrorCode::internal, false, {503, "unavailable", "잠시 후 다시 시도해 주십시오",
        "지금 요청이 많아 처리하지 못했습니다. 잠시 후 다시 시도해 주십시오."}},
};
// clang-format on

}  // namespace

const StatusText& status_text(ErrorCode code) {
  for (const auto& row : kRows)
    if (row.has_code && row.code == code) return row.text;
  return kRows[7].text;  // internal
}

StatusText status_text(int status) {
  for (const auto& row : kRows)
    if (row.text.status == status) return row.text;
  StatusText fallback = status_text(ErrorCode::internal);
  fallback.status = status;
  return fallback;
}

int status_for(ErrorCode code) {
  return status_text(code).status;
}

const char* error_code_name(ErrorCode code) {
  return status_text(code).api_code;
}

}  // namespace sotong::http
