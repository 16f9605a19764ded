// List pages as files: `?format=csv` or `?format=xlsx` on the list's own URL sends the same filtered rows as
// a download and records it in the access log; add_export_links gives the page its two download links.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "http/form.hpp"
#include "http/response.hpp"
#include "platform/exports/table.hpp"
#include "platform/web/context.hpp"
#include "render/view.hpp"
#include "store/database.hpp"

namespace sotong::platform {
class Web;
}

namespace sotong::platform::exports {

struct ListExport {
  std::string record_type;  // "organization": what the rows are, for the access log
  std::string title;        // "기관 목록": the sheet's and the file's name
  std::string ascii_name;   // "organizations": the file name for clients that cannot read the Korean one
};

/// A download of a list, as the access log records it.
struct ExportEvent {
  std::string record_type;
  std::string subject;  // "기관 목록"
  Format format = Format::csv;
  std::size_t rows = 0;
  std::string filter;  // the query the rows were chosen by ("kind=municipality&q=…"), format left out
};

/// The file a list page's query asks for: nullopt for the page itself (no format, empty or "html"), the
/// format for format=csv or format=xlsx, a Korean error (field "format") for anything else.
std::optional<Result<Format>> requested_format(const http::Form& query);

/// A list's download link: `path` with its filter `query` (no leading "?", may be empty) and format=….
std::string export_href(std::string_view path, std::string_view query, Format format);

/// When the query asks for format=csv or format=xlsx: `build()`'s table as a file named after the title
/// and today's date, with the download recorded in the access log. nullopt when the page should render as
/// HTML; an unknown format is a 422 error page.
std::optional<http::Response> export_if_requested(Web& web, Context& ctx, const ListExport& what,
                                                  const std::function<Table()>& build);

/// Sets export_csv_href and export_xlsx_href: this page with its current filters plus format=….
void add_export_links(render::View& view, const Context& ctx);

/// Records a list download in the access log (history: who, when, from where, which list, its filter, format
/// and number of rows), in a transaction of its own.
void record_export(store::Database& db, const Actor& actor, const ExportEvent& event);

}  // namespace sotong::platform::exports
