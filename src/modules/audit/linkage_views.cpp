#include "modules/audit/linkage_views.hpp"

#include "modules/audit/dataset_service.hpp"
#include "modules/audit/finding_rules.hpp"
#include "platform/organizations/organization_store.hpp"

namespace sotong::audit {

std::string amount_text(std::int64_t won) {
  std::string text = format_won(won);  // "1,234,000원"
  constexpr std::string_view kWon = "원";
  if (text.ends_with(kWon)) text.resize(text.size() - kWon.size());
  return text;
}

std::map<std::string, std::string> region_names(store::Connection& c) {
  std::map<std::string, std::string> out;
  for (const auto& o : platform::organization_store::list(c, {}))
    if (!o.code.empty()) out.emplace(o.code, o.name);
  return out;
}

std::string region_name(const std::map<std::string, std::string>& names, const std::string& code) {
  if (code.empty()) return "미상";
  const auto it = names.find(code);
  return it == names.end() ? code : it->second + " (" + code + ")";
}

namespace {

render::View table_view(const boost::json::value* table) {
  if (table == nullptr || !table->is_object()) return render::View::object({{"present", false}});
  const auto& t = table->as_object();
  render::View headers = render::View::list();
  for (const auto& h : t.at("headers").as_array()) headers.push(render::View(std::string(h.as_string())));
  render::View rows = render::View::list();
  std::size_t shown = 0;
  for (const auto& row : t.at("rows").as_array()) {
    render::View cells = render::View::list();
    bool first = true;
    std::string row_number;
    for (const auto& cell : row.as_array()) {
      const std::string text =
          cell.is_string() ? std::string(cell.as_string()) : boost::json::serialize(cell);
      if (first) {
        row_number = text;
        first = false;
      } else {
        cells.push(render::View(text));
      }
    }
    rows.push(render::View::object({{"row_number", row_number}, {"cells", std::move(cells)}}));
    ++shown;
  }
  const auto total = t.at("total").to_number<std::int64_t>();
  render::View v = render::View::object({{"present", true},
                                         {"headers", std::move(headers)},
                                         {"rows", std::move(rows)},
                                         {"has_rows", shown > 0},
                                         {"more", total > static_cast<std::int64_t>(shown)},
                                         {"total", total}});
  return v;
}

}  // namespace

render::View evidence_view(const std::string& evidence_json) {
  const auto doc = boost::json::parse(evidence_json);
  const auto& o = doc.as_object();
  return render::View::object({{"primary", table_view(o.if_contains("primary"))},
                               {"secondary", table_view(o.if_contains("secondary"))}});
}

render::View dataset_view(const DataSetRecord& d) {
  const auto* kind = find_dataset_kind(d.kind);
  return render::View::object({{"id", d.id},
                               {"href", "/audit/linkage/datasets/" + std::to_string(d.id)},
                               {"title", d.title},
                               {"kind", d.kind},
                               {"kind_label", kind != nullptr ? kind->label : d.kind},
                               {"purpose", d.purpose},
                               {"legal_basis", d.legal_basis},
                               {"retention_until", d.retention_until},
                               {"file_name", d.file_name},
                               {"rows", amount_text(d.row_count)},
                               {"columns", d.columns},
                               {"owner_name", d.owner_name},
                               {"created_at", format_seoul_minute(d.created_at)},
                               {"disposed", d.disposed_at.has_value()},
                               {"disposed_at", d.disposed_at ? format_seoul_minute(*d.disposed_at) : ""}});
}

boost::json::object dataset_json(const DataSetRecord& d) {
  boost::json::value disposed = nullptr;
  if (d.disposed_at) disposed = format_iso_utc(*d.disposed_at);
  return {{"id", d.id},
          {"title", d.title},
          {"kind", d.kind},
          {"purpose", d.purpose},
          {"legal_basis", d.legal_basis},
          {"retention_until", d.retention_until},
          {"row_count", d.row_count},
          {"owner", d.owner_name},
          {"created_at", format_iso_utc(d.created_at)},
          {"disposed_at", disposed}};
}

boost::json::object scenario_json(const ScenarioVersion& s) {
  return {{"id", s.id},
          {"code", s.code},
          {"version", s.version},
          {"title", s.title},
          {"shipped", s.shipped},
          {"rule", boost::json::parse(s.rule)},
          {"created_at", format_iso_utc(s.created_at)}};
}

boost::json::object run_json(const LinkageRun& r) {
  boost::json::value secondary = nullptr;
  if (r.secondary_dataset_id) secondary = *r.secondary_dataset_id;
  return {{"id", r.id},
          {"scenario_id", r.scenario_id},
          {"primary_dataset_id", r.primary_dataset_id},
          {"secondary_dataset_id", secondary},
          {"flagged", r.flagged},
          {"kept", r.kept},
          {"total_amount", r.total_amount},
          {"milliseconds", r.milliseconds},
          {"run_at", format_iso_utc(r.run_at)}};
}

std::vector<platform::Crumb> linkage_crumbs(std::vector<platform::Crumb> trail) {
  trail.insert(trail.begin(), {{"컨설팅 감사", "/audit"}, {"전산감사", kLinkageHome}});
  return trail;
}

}  // namespace sotong::audit
