// Thin handlers for the history: /admin/history (search, keyset pages, CSV and XLSX downloads with
// ?format=, one entry) and the JSON API /api/v1/history.
#include <boost/json.hpp>

#include "platform/exports/exports.hpp"
#include "platform/exports/list_export.hpp"
#include "platform/history/history_labels.hpp"
#include "platform/history/history_module.hpp"
#include "platform/history/history_rules.hpp"
#include "platform/history/history_service.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::platform::history {
namespace {
using render::View;

const std::vector<Crumb> kTrail = {{"변경·접속 기록", "/admin/history"}};

std::string who(const Entry& e) {
  if (e.actor_name.empty()) return e.login_id.empty() ? "(알 수 없음)" : e.login_id;
  if (e.login_id.empty()) return e.actor_name;
  return e.actor_name + " (" + e.login_id + ")";
}

/// The record's page when it still exists, has one and the viewer may open it; "" otherwise.
std::string record_href(Web& web, const Context& ctx, const Entry& e, const RecordNames& names) {
  if (!e.record_id) return {};
  const auto found = names.find({e.record_type, e.record_id});
  if (found == names.end() || found->second.href.empty()) return {};
  const auto& action = found->second.action;
  if (!action.empty() && !web.policy().allows(ctx.actor, action)) return {};
  return found->second.href;
}

View entry_view(Web& web, const Context& ctx, const Entry& e, const RecordNames& names) {
  View v = View::object({{"id", e.id},
                         {"time", format_seoul_second(e.occurred_at)},
                         {"who", who(e)},
                         {"login_id", e.login_id},
                         {"remote_address", e.remote_address},
                         {"kind_label", kind_label(e.kind)},
                         {"action", e.action},
                         {"action_label", action_label(e.action)},
                         {"record_label", record_text(e, names)},
                         {"summary", summary(e, names)}});
  // Set only when there is one: mustache takes an empty string for true.
  if (auto href = record_href(web, ctx, e, names); !href.empty()) v.set("record_page", href);
  return v;
}

View options(const std::vector<std::pair<std::string, std::string>>& all, const std::string& selected) {
  View list = View::list();
  bool found = selected.empty();
  for (const auto& [code, label] : all) {
    found = found || code == selected;
    list.push(View::object({{"code", code}, {"label", label}, {"selected", code == selected}}));
  }
  if (!found) list.push(View::object({{"code", selected}, {"label", selected}, {"selected", true}}));
  return list;
}

/// The search form as typed, with the field errors beside it.
View form_view(Web& web, const Context& ctx, const http::Form& q, const std::vector<FieldError>& errors) {
  std::vector<std::pair<std::string, std::string>> types;
  // A record type the reader may not read is not offered either: its very name would be a hint.
  for (auto& t : known_record_types())
    if (may_read_record_type(web.policy(), ctx.actor, t.first)) types.push_back(std::move(t));
  View v = View::object({{"login", q.get("login")},
                         {"subject", q.get("subject")},
                         {"record_id", q.get("record_id")},
                         {"from", q.get("from")},
                         {"to", q.get("to")},
                         {"kind_change", q.get("kind") == kChange},
                         {"kind_access", q.get("kind") == kAccess},
                         {"record_types", options(types, q.get("record_type"))},
                         {"actions", options(known_actions(), q.get("action"))},
                         {"errors", errors_view(errors)}});
  for (const auto& e : errors) {
    v.set("error_" + e.field, e.message);
    // A date input holds only a real date: a refused one ("2026-02-30") is named in the message, not echoed.
    if (e.field == "from" || e.field == "to") v.set(e.field, "");
  }
  return v;
}

std::string with_query(const std::string& path, const std::string& query) {
  return query.empty() ? path : path + "?" + query;
}

/// The filtered log as a file (newest entries first, the keyset position ignored); the download is itself
/// recorded in the access log.
http::Response download(Web& web, Context& ctx, exports::Format format) {
  auto filter = parse_filter(ctx.query);
  if (!filter) return web.error(ctx, filter.error());
  filter->before_id.reset();
  auto table = export_history(web.service(ctx), *filter, format);
  if (!table) return web.error(ctx, table.error());
  const std::string date = format_seoul_date(now());
  return exports::download(*table, format, "변경·접속 기록 " + date, "history-" + date);
}

/// Sets the page's two download links: this search as CSV and as XLSX.
void add_export_links(View& v, const std::string& query) {
  v.set("export_csv_href", exports::export_href("/admin/history", query, exports::Format::csv))
      .set("export_xlsx_href", exports::export_href("/admin/history", query, exports::Format::xlsx));
}

/// One entry with its changed fields, hashes and links to the entries around it.
View detail_view(Web& web, const Context& ctx, const Entry& e, const RecordNames& names) {
  View v = entry_view(web, ctx, e, names);
  const bool access = e.kind == kAccess;
  View changes = View::list();
  for (const auto& c :
       access ? fields_of(e.after, e.record_type, names) : diff(e.before, e.after, e.record_type, names)) {
    changes.push(
        View::object({{"field", c.field}, {"label", c.label}, {"before", c.before}, {"after", c.after}}));
  }
  v.set("changes", changes)
      .set("has_changes", access ? !e.after.empty() : !(e.before.empty() && e.after.empty()))
      .set("changes_title", access ? "세부 내용" : (e.before.empty() ? "등록한 내용" : "바뀐 항목"))
      .set("show_before", !access && !e.before.empty())
      .set("is_access", access)
      .set("subject", e.subject)
      .set("account_id", e.account_id)
      .set("has_account", e.account_id != 0)
      .set("has_before", !e.before.empty())
      .set("has_after", !e.after.empty())
      .set("prev_hash", e.prev_hash)
      .set("hash", e.hash)
      .set("before", e.before)
      .set("after", e.after);
  if (!e.record_type.empty() && e.record_id) {
    Filter f;
    f.record_type = e.record_type;
    f.record_id = e.record_id;
    v.set("record_history_href", "/admin/history?" + filter_query(f));
  }
  if (!e.login_id.empty()) {
    Filter f;
    f.login_id = e.login_id;
    v.set("actor_href", "/admin/history?" + filter_query(f));
  }
  return v;
}

boost::json::value json_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec) return boost::json::value(text);
  return v;
}

boost::json::object entry_json(const Entry& e, const RecordNames& names) {
  boost::json::array changes;
  for (const auto& c : e.kind == kChange ? diff(e.before, e.after, e.record_type, names)
                                         : fields_of(e.after, e.record_type, names))
    changes.push_back({{"field", c.field}, {"label", c.label}, {"before", c.before}, {"after", c.after}});
  return {{"id", e.id},
          {"kind", e.kind},
          {"kind_label", kind_label(e.kind)},
          {"action", e.action},
          {"action_label", action_label(e.action)},
          {"occurred_at", format_iso_utc(e.occurred_at)},
          {"account_id", e.account_id ? boost::json::value(e.account_id) : boost::json::value(nullptr)},
          {"login_id", e.login_id},
          {"actor_name", e.actor_name},
          {"remote_address", e.remote_address},
          {"record_type", e.record_type},
          {"record_type_label", record_type_label(e.record_type)},
          {"record_id", e.record_id ? boost::json::value(e.record_id) : boost::json::value(nullptr)},
          {"record_label", record_text(e, names)},
          {"subject", e.subject},
          {"before", json_or_null(e.before)},
          {"after", json_or_null(e.after)},
          {"changes", changes},
          {"prev_hash", e.prev_hash},
          {"hash", e.hash}};
}

http::Response search_page(Web& web, Context& ctx) {
  if (auto format = exports::requested_format(ctx.query)) {
    if (!*format) return web.error(ctx, format->error());
    return download(web, ctx, format->value());
  }
  const PageMeta meta{"변경·접속 기록", {{"변경·접속 기록", ""}}, {}};
  auto filter = parse_filter(ctx.query);
  if (!filter) {
    View v = form_view(web, ctx, ctx.query, filter.error().fields);
    v.set("entries", View::list()).set("count", 0);
    add_export_links(v, "");
    v.set("retention_days", web.settings().history_retention_days);
    // htmx leaves the page as it is on a 4xx answer; its fragment carries the errors with a 200.
    return web.render(ctx, "history/list", v, meta, ctx.request.is_htmx() ? 200 : 422);
  }
  auto page = search_history(web.service(ctx), *filter);
  if (!page) return web.error(ctx, page.error());
  View rows = View::list();
  for (const auto& e : page->entries) rows.push(entry_view(web, ctx, e, page->names));
  const std::string query = filter_query(*filter);
  View v = form_view(web, ctx, ctx.query, {});
  v.set("entries", rows)
      .set("count", static_cast<long long>(page->entries.size()))
      .set("paged", filter->before_id.has_value())
      .set("has_more", page->next_before.has_value())
      .set("page_size", kPageSize)
      .set("first_href", with_query("/admin/history", query))
      .set("retention_days", web.settings().history_retention_days);
  add_export_links(v, query);
  if (page->next_before) {
    v.set("next_href", with_query("/admin/history", query + (query.empty() ? "" : "&") +
                                                        "before=" + std::to_string(*page->next_before)));
  }
  return web.render(ctx, "history/list", v, meta);
}

http::Response entry_page(Web& web, Context& ctx) {
  auto id = parse_id(ctx.request.param("id"));
  if (!id) return web.error(ctx, Error::not_found("기록을 찾을 수 없습니다."));
  auto entry = get_entry(web.service(ctx), *id);
  if (!entry) return web.error(ctx, entry.error());
  const Entry& e = entry->entry;
  View v = detail_view(web, ctx, e, entry->names);
  const std::string title = "기록 " + std::to_string(e.id);
  auto trail = kTrail;
  trail.push_back({title, ""});
  return web.render(ctx, "history/detail", v, {title, trail, {}});
}

http::Response history_api(Web& web, Context& ctx) {
  auto filter = parse_filter(ctx.query);
  if (!filter) return web.error(ctx, filter.error());
  auto page = search_history(web.service(ctx), *filter);
  if (!page) return web.error(ctx, page.error());
  boost::json::array items;
  for (const auto& e : page->entries) items.push_back(entry_json(e, page->names));
  boost::json::object body{{"items", items},
                           {"next_before", page->next_before ? boost::json::value(*page->next_before)
                                                             : boost::json::value(nullptr)}};
  return web.json(ctx, boost::json::serialize(body));
}

}  // namespace

std::vector<RouteSpec> routes() {
  return {
      {"GET", "/admin/history", kView, search_page},
      {"GET", "/admin/history/{id}", kView, entry_page},
      {"GET", "/api/v1/history", kView, history_api, RouteKind::api},
  };
}

}  // namespace sotong::platform::history
