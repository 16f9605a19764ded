// Thin handlers for attachments: upload (multipart), download under the Korean name, delete.
#include "core/korean_text.hpp"
#include "platform/attachments/attachments.hpp"
#include "platform/attachments/attachments_module.hpp"
#include "platform/attachments/attachments_page.hpp"
#include "platform/exports/exports.hpp"
#include "platform/history/history.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::platform::attachments {
namespace {

constexpr std::size_t kMultipartOverhead = 256 * 1024;  // part headers and the small fields

enum class Access { read, change };

/// The owner type and the check of its action on this owner (and, to change its files, of permits_change);
/// a Korean error when refused or unknown.
Result<OwnerType> authorize(Web& web, const Context& ctx, std::string_view code, std::int64_t owner_id,
                            Access access) {
  auto owner = owner_type(code);
  if (!owner) return Error::not_found("첨부할 기록의 종류를 알 수 없습니다.");
  if (!web.policy().allows(ctx.actor, owner->action))
    return owner->hidden ? Error::not_found("첨부할 기록을 찾을 수 없습니다.") : Error::forbidden();
  auto path = web.db().read([&](store::Connection& c) { return owner->locate(c, owner_id); });
  if (!path) return Error::not_found("첨부할 기록을 찾을 수 없습니다.");
  if (owner->permits) {
    const bool permitted = web.db().read(
        [&](store::Connection& c) { return owner->permits(c, web.policy(), ctx.actor, owner_id); });
    if (!permitted) return Error::not_found("첨부할 기록을 찾을 수 없습니다.");
  } else if (auto allowed = web.policy().check(ctx.actor, owner->action, *path); !allowed) {
    if (owner->hidden) return Error::not_found("첨부할 기록을 찾을 수 없습니다.");
    return allowed.error();
  }
  if (access == Access::change && owner->permits_change && !web.db().read([&](store::Connection& c) {
        return owner->permits_change(c, web.policy(), ctx.actor, owner_id);
      }))
    return Error::forbidden(
        "이 기록에는 파일을 올리거나 지울 수 없습니다. 기록을 맡은 기관만 할 수 있습니다.");
  return *owner;
}

Result<std::pair<Attachment, OwnerType>> authorize_attachment(Web& web, const Context& ctx, Access access) {
  auto id = parse_id(ctx.request.param("id"));
  if (!id) return Error::not_found("첨부파일을 찾을 수 없습니다.");
  auto a = web.db().read([&](store::Connection& c) { return find(c, *id); });
  if (!a || a->deleted_at) return Error::not_found("첨부파일을 찾을 수 없습니다.");
  auto owner = authorize(web, ctx, a->owner_type, a->owner_id, access);
  // A file whose record is out of reach reads exactly as one that does not exist.
  if (!owner && owner.error().code == ErrorCode::not_found)
    return Error::not_found("첨부파일을 찾을 수 없습니다.");
  if (!owner) return owner.error();
  return std::make_pair(std::move(*a), std::move(*owner));
}

/// The limits of this installation: the [attachments] settings may lower the built-in ones, never raise them
/// (the upload route's body cap is the built-in per-request limit).
Limits configured_limits(const Web& web) {
  const auto& settings = web.module_settings("attachments");
  Limits limits;
  limits.per_file = static_cast<std::size_t>(settings.integer("max_file_mib")) * kMiB;
  limits.per_request = static_cast<std::size_t>(settings.integer("max_request_mib")) * kMiB;
  return limits;
}

http::Response upload_action(Web& web, Context& ctx) {
  if (!ctx.multipart.present())
    return web.error(ctx, Error::invalid("파일은 multipart/form-data 형식으로 보내야 합니다."));
  auto owner_id = parse_id(ctx.multipart.get("owner_id"));
  if (!owner_id) return web.error(ctx, Error::not_found("첨부할 기록을 찾을 수 없습니다."));
  const std::string code = ctx.multipart.get("owner_type");
  auto owner = authorize(web, ctx, code, *owner_id, Access::change);
  if (!owner) return web.error(ctx, owner.error());
  std::vector<http::MultipartFile> files = ctx.multipart.take_files();
  std::erase_if(files,
                [](const http::MultipartFile& f) { return f.field != "files" && f.field != "files[]"; });
  const Limits limits = configured_limits(web);
  auto stored = web.db().write(
      [&](store::Connection& c) { return store(c, ctx.actor, code, *owner_id, files, limits); });
  if (!stored) return refuse_upload(web, ctx, code, *owner_id, owner->href(*owner_id), stored.error());
  return web.redirect_with(ctx, owner->href(*owner_id),
                           {"success", "첨부파일 " + std::to_string(stored->size()) + "개를 올렸습니다."});
}

http::Response download_page(Web& web, Context& ctx) {
  auto found = authorize_attachment(web, ctx, Access::read);
  if (!found) return web.error(ctx, found.error());
  const auto& a = found->first;
  const auto& owner = found->second;
  auto bytes = web.db().write([&](store::Connection& c) {
    auto body = content(c, a.id);
    if (body) {
      history::record_access(c, ctx.actor,
                             {owner.history_record_type, a.id, owner.label + " 첨부파일 " + a.file_name,
                              history::AccessAction::download,
                              history::to_json({{"owner_type", a.owner_type},
                                                {"owner_id", static_cast<long long>(a.owner_id)}})});
    }
    return body;
  });
  if (!bytes) return web.error(ctx, Error::not_found("첨부파일을 찾을 수 없습니다."));
  http::Response r;
  r.body = std::move(*bytes);
  r.content_type = a.content_type;
  r.header("Content-Disposition", exports::content_disposition(a.file_name));
  r.header("Cache-Control", "no-store");
  return r;
}

http::Response delete_action(Web& web, Context& ctx) {
  auto found = authorize_attachment(web, ctx, Access::change);
  if (!found) return web.error(ctx, found.error());
  const auto& a = found->first;
  const auto& owner = found->second;
  if (auto page = web.ask_first(ctx, {"첨부파일을 삭제할까요?",
                                      "‘" + a.file_name +
                                          "’ 파일을 삭제합니다. 삭제한 파일은 더 내려받을 수 없으며, 삭제한 "
                                          "사실은 변경 이력에 남습니다.",
                                      "삭제", owner.href(a.owner_id)}))
    return std::move(*page);
  auto removed = web.db().write([&](store::Connection& c) { return remove(c, ctx.actor, a.id); });
  if (!removed) return web.error(ctx, removed.error());
  return web.redirect_with(ctx, owner.href(a.owner_id),
                           {"success", with_particle("‘" + a.file_name + "’", "을/를") + " 삭제했습니다."});
}

}  // namespace

std::vector<RouteSpec> routes() {
  return {{"POST", "/attachments", kUse, upload_action, RouteKind::page,
           Limits{}.per_request + kMultipartOverhead},
          {"GET", "/attachments/{id}", kUse, download_page},
          {"POST", "/attachments/{id}/delete", kUse, delete_action}};
}

}  // namespace sotong::platform::attachments
