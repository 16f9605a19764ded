// Thin handlers for a person's inbox (/notifications), opening a notification (marks it read, then follows
// its link on this site), mark-read, and their delivery choice (/notifications/settings). Everyone signed in
// sees and opens only their own notifications.
#include "core/korean_text.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/notifications/notifications.hpp"
#include "platform/notifications/notifications_module.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::platform::notifications {
namespace {
using render::View;

const std::vector<Crumb> kCrumbs = {{"알림", "/notifications"}};

/// Only links inside this site are followed from the inbox.
std::string safe_url(const std::string& url) {
  return http::is_local_path(url) ? url : std::string();
}

http::Response settings_page(Web& web, Context& ctx, Delivery selected, const std::string& error,
                             int status) {
  const std::string email = web.db().read([&](store::Connection& c) {
    auto account = account_store::find(c, ctx.actor.account_id);
    return account ? account->email : std::string();
  });
  View options = View::list();
  for (auto d : kAllDeliveries) {
    options.push(
        View::object({{"code", delivery_code(d)}, {"label", delivery_label(d)}, {"checked", d == selected}}));
  }
  View v = View::object({{"options", options}, {"email", email}, {"no_email", email.empty()}});
  if (!error.empty()) v.set("error", error);
  return web.render(ctx, "notifications/settings", v,
                    PageMeta{"알림 받는 방법", {{"알림", "/notifications"}, {"알림 받는 방법", ""}}, {}},
                    status);
}

http::Response inbox_page(Web& web, Context& ctx) {
  auto [list, unread] = web.db().read([&](store::Connection& c) {
    return std::make_pair(inbox(c, ctx.actor.account_id), unread_count(c, ctx.actor.account_id));
  });
  View items = View::list();
  for (const auto& n : list) {
    View item = View::object({{"id", n.id},
                              {"title", n.title},
                              {"body", n.body},
                              {"time", format_seoul_minute(n.created_at)},
                              {"unread", !n.read_at.has_value()}});
    // The title opens the notification through /open, which marks it read on the way; set only when there
    // is a link to follow (mustache takes an empty string for true).
    if (!safe_url(n.url).empty()) item.set("open_href", "/notifications/" + std::to_string(n.id) + "/open");
    items.push(std::move(item));
  }
  View v = View::object({{"items", items}, {"unread", unread}, {"has_unread", unread > 0}});
  return web.render(ctx, "notifications/inbox", v, PageMeta{"알림", kCrumbs, {}});
}

http::Response mark_read_action(Web& web, Context& ctx) {
  auto id = parse_id(ctx.request.param("id"));
  if (!id) return web.error(ctx, Error::not_found("알림을 찾을 수 없습니다."));
  if (auto ok = mark_read(web.db(), ctx.actor.account_id, *id); !ok) return web.error(ctx, ok.error());
  return web.redirect_with(ctx, "/notifications", {"success", "알림을 읽음으로 표시했습니다."});
}

/// A GET, so that the title is an ordinary link (opens in a new tab too); marking one's own notification read
/// is all it changes. A link off this site is never followed: the inbox answers instead.
http::Response open_action(Web& web, Context& ctx) {
  auto id = parse_id(ctx.request.param("id"));
  if (!id) return web.error(ctx, Error::not_found("알림을 찾을 수 없습니다."));
  auto url = open_notification(web.db(), ctx.actor.account_id, *id);
  if (!url) return web.error(ctx, url.error());
  const std::string target = safe_url(*url);
  if (target.empty())
    return web.redirect_with(ctx, "/notifications",
                             {"info", "알림을 읽음으로 표시했습니다. 이 알림에는 열 화면이 없습니다."});
  return http::Response::redirect(target);
}

http::Response mark_all_read_action(Web& web, Context& ctx) {
  const auto n = mark_all_read(web.db(), ctx.actor.account_id);
  return web.redirect_with(ctx, "/notifications",
                           {"success", "알림 " + std::to_string(n) + "건을 모두 읽음으로 표시했습니다."});
}

http::Response settings_page(Web& web, Context& ctx) {
  const auto d = web.db().read([&](store::Connection& c) { return preference(c, ctx.actor.account_id); });
  return settings_page(web, ctx, d, "", 200);
}

http::Response save_settings_action(Web& web, Context& ctx) {
  auto d = parse_delivery(ctx.form.get("delivery"));
  if (!d) return settings_page(web, ctx, Delivery::immediate, "알림 받는 방법을 고르십시오.", 422);
  set_preference(web.db(), ctx.actor.account_id, *d);
  return web.redirect_with(
      ctx, "/notifications/settings",
      {"success", "알림 받는 방법을 " +
                      with_particle("‘" + std::string(delivery_label(*d)) + "’", "으로/로") +
                      " 변경했습니다."});
}

}  // namespace

std::vector<RouteSpec> routes() {
  return {
      {"GET", "/notifications", std::string(kSignedIn), inbox_page},
      {"GET", "/notifications/{id}/open", std::string(kSignedIn), open_action},
      {"POST", "/notifications/{id}/read", std::string(kSignedIn), mark_read_action},
      {"POST", "/notifications/read-all", std::string(kSignedIn), mark_all_read_action},
      {"GET", "/notifications/settings", std::string(kSignedIn), settings_page},
      {"POST", "/notifications/settings", std::string(kSignedIn), save_settings_action},
  };
}

}  // namespace sotong::platform::notifications
