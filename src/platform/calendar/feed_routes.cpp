// Thin handlers for calendar subscriptions: /calendar/feeds (the person's addresses, making and revoking
// them) and /calendar/feeds/{secret}.ics, which calendar clients fetch without a session.
#include "core/korean_text.hpp"

#include "platform/calendar/calendar_module.hpp"
#include "platform/calendar/feed_rules.hpp"
#include "platform/calendar/feed_service.hpp"
#include "platform/crypto.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::platform::calendar {
namespace {
using render::View;

constexpr const char* kTitle = "일정 구독";
constexpr const char* kFeedsPath = "/calendar/feeds";

// A new address crosses the redirect after the POST in a cookie sealed for the person's session
// (post/redirect/get), as an issued initial password does: nothing of the secret is kept on the server, and
// after 10 minutes, or in another session, it is gone for good.
constexpr std::string_view kNewFeedCookie = "sotong_new_feed";
constexpr std::string_view kNewFeedPurpose = "calendar.new-feed";
constexpr long kNewFeedSeconds = 600;

/// Where this request reached the server ("https://sotong.jeonbuk.go.kr"), "" when its Host cannot be used.
std::string request_origin(Web& web, const Context& ctx) {
  return origin_of(ctx.request.header("host"), web.over_tls(ctx)).value_or("");
}

/// The new address sealed for this session: its id and secret, when the cookie opens.
std::optional<IssuedFeed> new_feed(Web& web, const Context& ctx) {
  const auto plain = open_for_session(web.read_cookie(ctx, kSessionCookie), kNewFeedPurpose,
                                      web.read_cookie(ctx, kNewFeedCookie));
  if (!plain) return std::nullopt;
  const auto bar = plain->find('|');
  if (bar == std::string::npos) return std::nullopt;
  const auto id = parse_id(std::string_view(*plain).substr(0, bar));
  if (!id) return std::nullopt;
  return IssuedFeed{*id, plain->substr(bar + 1)};
}

std::string when(std::optional<Timestamp> t) {
  return t ? format_seoul_minute(*t) : "아직 없음";
}

http::Response feeds_page(Web& web, Context& ctx) {
  auto overview = list_calendar_feeds(web.service(ctx));
  if (!overview) return web.error(ctx, overview.error());
  const std::string origin = request_origin(web, ctx);
  const auto fresh = new_feed(web, ctx);

  View feeds = View::list();
  std::optional<View> created;
  for (const auto& f : overview->feeds) {
    const bool is_new = fresh && fresh->id == f.record.id;
    feeds.push(View::object({{"id", f.record.id},
                             {"label", f.label},
                             {"label_object", with_particle("‘" + f.label + "’", "을/를")},
                             {"created", format_seoul_minute(f.record.created_at)},
                             {"last_used", when(f.record.last_used_at)},
                             {"answering", f.answering},
                             {"is_new", is_new}}));
    if (is_new) created = View::object({{"label", f.label}, {"url", origin + feed_path(fresh->secret)}});
  }
  View offers = View::list();
  for (const auto& o : overview->offers) {
    offers.push(View::object({{"source", o.source},
                              {"subject", o.subject ? std::to_string(*o.subject) : std::string()},
                              {"label", o.label},
                              {"description", o.description}}));
  }
  View v = View::object({{"feeds", feeds},
                         {"has_feeds", !overview->feeds.empty()},
                         {"offers", offers},
                         {"max_feeds", kMaxLiveFeeds}});
  if (created) v.set("created", *created);
  return web.render(ctx, "calendar/feeds", v, {kTitle, {{kTitle, ""}}, {}});
}

http::Response create_action(Web& web, Context& ctx) {
  auto issued = read_subject(ctx.form.get("subject")).and_then([&](std::optional<std::int64_t> subject) {
    return create_calendar_feed(web.service(ctx), ctx.form.get("source"), subject);
  });
  if (!issued) {
    if (issued.error().code == ErrorCode::not_found) return web.error(ctx, issued.error());
    return web.redirect_with(ctx, kFeedsPath, {"danger", issued.error().message});
  }
  const std::string sealed = seal_for_session(web.read_cookie(ctx, kSessionCookie), kNewFeedPurpose,
                                              std::to_string(issued->id) + "|" + issued->secret);
  auto res = web.redirect_with(ctx, kFeedsPath,
                               {"success", "구독 주소를 만들었습니다. 이 화면에서 10분 동안만 보입니다."});
  res.header("Set-Cookie", web.set_cookie(ctx, kNewFeedCookie, sealed, kNewFeedSeconds));
  return res;
}

http::Response revoke_action(Web& web, Context& ctx) {
  auto feed = path_id(ctx, "구독 주소를 찾을 수 없습니다.").and_then([&](std::int64_t id) {
    return get_calendar_feed(web.service(ctx), id);
  });
  if (!feed) return web.error(ctx, feed.error());
  if (auto page = web.ask_first(
          ctx,
          {"구독 주소를 폐기할까요?",
           with_particle("‘" + feed->label + "’", "을/를") +
               " 구독하는 Outlook·Google 캘린더에 더는 일정이 들어오지 않습니다. 폐기한 주소는 되살릴 수 "
               "없으며, 필요하면 새 주소를 만들어야 합니다.",
           "폐기", kFeedsPath}))
    return std::move(*page);
  auto revoked = revoke_calendar_feed(web.service(ctx), feed->record.id);
  if (!revoked) return web.error(ctx, revoked.error());
  return web.redirect_with(ctx, kFeedsPath, {"success", "‘" + feed->label + "’의 구독 주소를 폐기했습니다."});
}

/// The page of an unknown path, whatever the reason: nothing tells a revoked address from one never made.
http::Response plain_not_found(Web& web, Context& ctx) {
  return web.error(ctx, Error{ErrorCode::not_found, "", {}});
}

/// GET /calendar/feeds/{secret}.ics: no session; every refusal is the plain 404 of an unknown path.
http::Response feed_file(Web& web, Context& ctx) {
  const auto secret = secret_from_file_name(ctx.request.param("file"));
  if (!secret) return plain_not_found(web, ctx);
  const std::string origin = request_origin(web, ctx);
  auto text = fetch_calendar_feed(web.db(), web.policy(), {*secret, origin, ctx.remote_address, now()});
  if (!text) return plain_not_found(web, ctx);
  http::Response res;
  res.content_type = "text/calendar; charset=utf-8";
  res.body = std::move(*text);
  res.header("Cache-Control", "private, no-store");
  res.header("Content-Disposition", "inline; filename=\"sotong.ics\"");
  return res;
}

}  // namespace

std::vector<RouteSpec> feed_routes() {
  return {
      {"GET", kFeedsPath, std::string(kSignedIn), feeds_page},
      {"POST", kFeedsPath, std::string(kSignedIn), create_action},
      {"POST", std::string(kFeedsPath) + "/{id}/revoke", std::string(kSignedIn), revoke_action},
      {.method = "GET",
       .pattern = std::string(kFeedsPath) + "/{file}",
       .action = std::string(kPublic),
       .handler = feed_file,
       .secret_in_path = true},
  };
}

}  // namespace sotong::platform::calendar
