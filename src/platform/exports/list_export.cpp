#include "platform/exports/list_export.hpp"

#include "core/clock.hpp"
#include "http/form.hpp"
#include "platform/exports/exports.hpp"
#include "platform/history/history.hpp"
#include "platform/web/web.hpp"

namespace sotong::platform::exports {
namespace {

/// The query's fields other than format, as a query string ("kind=municipality&q=%EA%B5%B0").
std::string query_without_format(const http::Form& query) {
  std::string out;
  for (const auto& [name, value] : query.fields()) {
    if (name == "format") continue;
    if (!out.empty()) out += "&";
    out += http::percent_encode(name) + "=" + http::percent_encode(value);
  }
  return out;
}
}  // namespace

std::optional<Result<Format>> requested_format(const http::Form& query) {
  const auto requested = query.find("format");
  if (!requested || requested->empty() || *requested == "html") return std::nullopt;
  if (const auto format = format_from_code(*requested)) return Result<Format>(*format);
  return Result<Format>(Error::invalid("내려받기 형식은 csv 또는 xlsx 중 하나여야 합니다.",
                                       {{"format", "지원하지 않는 형식입니다."}}));
}

std::string export_href(std::string_view path, std::string_view query, Format format) {
  std::string out(path);
  out += "?";
  if (!query.empty()) out.append(query).append("&");
  return out.append("format=").append(format_code(format));
}

std::optional<http::Response> export_if_requested(Web& web, Context& ctx, const ListExport& what,
                                                  const std::function<Table()>& build) {
  const auto requested = requested_format(ctx.query);
  if (!requested) return std::nullopt;
  if (!*requested) return web.error(ctx, requested->error());
  const Format format = requested->value();
  Table table = build();
  if (table.title.empty()) table.title = what.title;
  const ExportEvent event{what.record_type, what.title, format, table.rows.size(),
                          query_without_format(ctx.query)};
  const std::string date = format_seoul_date(now());
  http::Response response = download(table, format, what.title + "_" + date,
                                     what.ascii_name.empty() ? "" : what.ascii_name + "_" + date);
  record_export(web.db(), ctx.actor, event);
  return response;
}

void add_export_links(render::View& view, const Context& ctx) {
  const std::string& target = ctx.request.target;
  // "//admin/accounts" reaches the same page, but as a link it would lead to another host: one slash each.
  std::string path;
  for (char ch : target.substr(0, target.find('?')))
    if (ch != '/' || path.empty() || path.back() != '/') path += ch;
  if (!http::is_local_path(path)) path = ctx.request.route_pattern;
  const std::string query = query_without_format(ctx.query);
  view.set("export_csv_href", export_href(path, query, Format::csv));
  view.set("export_xlsx_href", export_href(path, query, Format::xlsx));
}

void record_export(store::Database& db, const Actor& actor, const ExportEvent& event) {
  history::log_access(db, actor,
                      {event.record_type, 0, event.subject, history::AccessAction::download,
                       history::to_json({{"format", std::string(format_code(event.format))},
                                         {"filter", event.filter},
                                         {"count", static_cast<long long>(event.rows)}})});
}

}  // namespace sotong::platform::exports
