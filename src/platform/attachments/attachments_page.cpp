#include "platform/attachments/attachments_page.hpp"

#include "http/form.hpp"
#include "platform/attachments/attachments.hpp"

namespace sotong::platform::attachments {
namespace {

// The reason crosses the redirect in a short-lived cookie naming the owner, so it shows on that owner's page
// only, once.
constexpr std::string_view kUploadErrorCookie = "sotong_upload_error";

std::string owner_key(std::string_view owner_type, std::int64_t owner_id) {
  return std::string(owner_type) + "|" + std::to_string(owner_id) + "|";
}

}  // namespace

void add_to_page(Web& web, Context& ctx, render::View& view, store::Connection& c,
                 std::string_view owner_type, std::int64_t owner_id) {
  add_to_view(view, c, owner_type, owner_id);
  const std::string raw = web.read_cookie(ctx, kUploadErrorCookie);
  if (raw.empty()) return;
  ctx.set_cookies.push_back(web.set_cookie(ctx, kUploadErrorCookie, "", 0));
  std::string decoded;
  const std::string key = owner_key(owner_type, owner_id);
  if (!http::percent_decode(raw, decoded, false) || decoded.rfind(key, 0) != 0) return;
  const std::string message = decoded.substr(key.size());
  if (!message.empty()) view.set("attachment_error", message);
}

http::Response refuse_upload(Web& web, Context& ctx, std::string_view owner_type, std::int64_t owner_id,
                             const std::string& owner_href, const Error& error) {
  std::string reason = error.message;
  if (!error.fields.empty()) reason = error.fields.front().message;
  auto res =
      web.redirect_with(ctx, owner_href + "#attachment-files", {"danger", "첨부파일을 올리지 못했습니다."});
  res.header("Set-Cookie",
             web.set_cookie(ctx, kUploadErrorCookie,
                            http::percent_encode(owner_key(owner_type, owner_id) + reason), 60));
  return res;
}

}  // namespace sotong::platform::attachments
