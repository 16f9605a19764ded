// Thin handlers for search: the page /search and GET /api/v1/search.
#include <algorithm>
#include <optional>

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/form.hpp"
#include "platform/search/search_module.hpp"
#include "platform/search/search_service.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::platform::search {
namespace {
using render::View;

/// The page number asked for: 1 when absent, nullopt when not a positive number.
std::optional<std::int64_t> page_param(const http::Form& query) {
  if (!query.has("page")) return 1;
  return parse_id(query.get("page"));
}

Error bad_page() {
  return Error::invalid("쪽 번호가 올바르지 않습니다.", {{"page", "쪽 번호는 1 이상의 수여야 합니다."}});
}

View segments_view(const std::vector<Segment>& segments) {
  View list = View::list();
  for (const auto& s : segments) list.push(View::object({{"text", s.text}, {"hit", s.hit}}));
  return list;
}

boost::json::array segments_json(const std::vector<Segment>& segments) {
  boost::json::array out;
  for (const auto& s : segments) out.push_back({{"text", s.text}, {"hit", s.hit}});
  return out;
}

std::string page_href(const Results& r, std::int64_t page) {
  std::string href = "/search?q=" + http::percent_encode(r.query.text);
  if (!r.source.empty()) href += "&source=" + http::percent_encode(r.source);
  if (page > 1) href += "&page=" + std::to_string(page);
  return href;
}

// Up to ten page links around the current page, added to `v`.
void add_pagination(View& v, const Results& r) {
  View pages = View::list();
  const std::int64_t first = std::max<std::int64_t>(1, std::min(r.page - 4, r.pages - 9));
  const std::int64_t last = std::min(r.pages, first + 9);
  for (std::int64_t p = first; p <= last; ++p) {
    pages.push(View::object(
        {{"number", static_cast<long long>(p)}, {"href", page_href(r, p)}, {"current", p == r.page}}));
  }
  v.set("pages", pages).set("show_pagination", r.pages > 1);
  if (r.page > 1) v.set("prev_href", page_href(r, r.page - 1));
  if (r.page < r.pages) v.set("next_href", page_href(r, r.page + 1));
}

View results_view(const Results& r) {
  View hits = View::list();
  for (const auto& h : r.hits) {
    hits.push(View::object({{"source_label", h.source_label},
                            {"url", h.url},
                            {"title_segments", segments_view(h.marked_title)},
                            {"snippet_segments", segments_view(h.snippet)},
                            {"has_snippet", !h.snippet.empty()},
                            {"updated_at", format_seoul_date(h.updated_at)},
                            {"all_words", h.all_words},
                            {"matched_words", h.matched_words},
                            {"query_words", static_cast<long long>(r.query.words.size())}}));
  }
  View v = View::object({{"hits", hits},
                         {"has_hits", !r.hits.empty()},
                         {"total", static_cast<long long>(r.total)},
                         {"first_rank", static_cast<long long>((r.page - 1) * kPageSize + 1)},
                         {"capped", r.total > kMaxPages * kPageSize}});
  add_pagination(v, r);
  return v;
}

boost::json::object results_json(const Results& r) {
  boost::json::array items;
  for (const auto& h : r.hits) {
    items.push_back({{"source", h.source},
                     {"source_label", h.source_label},
                     {"record_id", h.record_id},
                     {"title", h.title},
                     {"url", h.url},
                     {"updated_at", format_iso_utc(h.updated_at)},
                     {"matched_words", h.matched_words},
                     {"all_words", h.all_words},
                     {"title_marked", segments_json(h.marked_title)},
                     {"snippet", segments_json(h.snippet)}});
  }
  return {{"query", r.query.text}, {"total", r.total},       {"page", r.page},
          {"pages", r.pages},      {"page_size", kPageSize}, {"items", items}};
}
http::Response search_page(Web& web, Context& ctx) {
  const PageMeta meta{"검색", {{"검색", ""}}, {}};
  const std::string q = ctx.query.get("q");
  std::string covered;
  for (const auto& s : sources()) covered += (covered.empty() ? "" : ", ") + s.label;
  View v = View::object({{"q", q}, {"covered", covered}});
  if (!ctx.query.has("q")) return web.render(ctx, "search/results", v, meta);
  auto page = page_param(ctx.query);
  auto results = page ? find(web.db(), web.policy(), ctx.actor, q, *page, ctx.query.get("source"))
                      : Result<Results>(bad_page());
  if (!results) {
    if (results.error().fields.empty()) return web.error(ctx, results.error());
    v.set("error", results.error().fields.front().message);
    // htmx swaps only successful responses: the fragment carrying the message comes as 200.
    return web.render(ctx, "search/results", v, meta, ctx.request.is_htmx() ? 200 : 422);
  }
  v.set("searched", true).set("results", results_view(*results));
  return web.render(ctx, "search/results", v, meta);
}

http::Response search_api(Web& web, Context& ctx) {
  auto page = page_param(ctx.query);
  if (!page) return web.error(ctx, bad_page());
  return web.respond(
      ctx, find(web.db(), web.policy(), ctx.actor, ctx.query.get("q"), *page, ctx.query.get("source")),
      [&](const Results& r) { return web.json(ctx, boost::json::serialize(results_json(r))); });
}

}  // namespace

std::vector<RouteSpec> routes() {
  return {{"GET", "/search", std::string(kSignedIn), search_page},
          {"GET", "/api/v1/search", std::string(kSignedIn), search_api, RouteKind::api}};
}

}  // namespace sotong::platform::search
