#include "modules/surveys/index_views.hpp"

#include <cmath>
#include <cstdio>

#include "platform/exports/exports.hpp"

namespace sotong::surveys {
namespace {

using platform::exports::Column;
using platform::exports::ColumnKind;
using platform::exports::Table;

std::string fixed(double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string domain_label(std::size_t d) {
  return d < kDomains.size() ? std::string(kDomains[d].label) : "종합";
}

std::string interval(const ShownStat& s) {
  return format_score(s.ci_low) + "~" + format_score(s.ci_high);
}

std::string alpha_text(const std::vector<DomainAlpha>& alpha, std::size_t d) {
  for (const auto& a : alpha)
    if (static_cast<std::size_t>(a.domain) == d && a.alpha) return fixed(*a.alpha, 3);
  return "-";
}

Table overall_table(const IndexReport& r) {
  Table t{"영역별 종합",
          {{"영역", 10},
           {"응답 수", 10, ColumnKind::number},
           {"유효 답 수", 10, ColumnKind::number},
           {"평균(1~5)", 10, ColumnKind::number},
           {"긍정 비율", 10},
           {"점수(0~100)", 12, ColumnKind::number},
           {"95% 신뢰구간", 14},
           {"전년 대비", 10},
           {"크론바흐 α", 10}},
          {}};
  for (std::size_t d = 0; d < r.overall.size(); ++d) {
    const auto& s = r.overall[d];
    if (!s.shown) {
      t.rows.push_back({domain_label(d), kWithheld, "", "", "", "", "", "", ""});
      continue;
    }
    t.rows.push_back({domain_label(d), std::to_string(s.responses), std::to_string(s.n), format_mean(s.mean),
                      format_ratio(s.positive_ratio), format_score(s.score), interval(s),
                      format_change(s.change), d < kDomains.size() ? alpha_text(r.alpha, d) : "-"});
  }
  return t;
}

Table bureau_table(const IndexReport& r) {
  Table t{"실국별 종합",
          {{"실국", 18},
           {"순위", 6, ColumnKind::number},
           {"점수(0~100)", 12, ColumnKind::number},
           {"응답 수", 10, ColumnKind::number},
           {"긍정 비율", 10},
           {"95% 신뢰구간", 14},
           {"전년 대비", 10},
           {"개선 응답 비율", 12},
           {"건의 답변 만족도(1~5)", 16}},
          {}};
  for (const auto& b : r.bureaus) {
    const std::string satisfaction =
        b.suggestion_satisfaction ? format_mean(*b.suggestion_satisfaction) : "-";
    if (!b.total.shown) {
      t.rows.push_back({b.name, "-", kWithheld, "", "", "", "", "", satisfaction});
      continue;
    }
    t.rows.push_back({b.name, std::to_string(b.rank), format_score(b.total.score),
                      std::to_string(b.total.responses), format_ratio(b.total.positive_ratio),
                      interval(b.total), format_change(b.total.change),
                      b.improvement_ratio ? format_ratio(*b.improvement_ratio) : "-", satisfaction});
  }
  return t;
}

Table domain_table(const IndexReport& r) {
  Table t{"실국별 영역 점수", {{"실국", 18}}, {}};
  for (const auto& d : kDomains) t.columns.push_back({std::string(d.label), 8, ColumnKind::number});
  for (const auto& b : r.bureaus) {
    std::vector<std::string> row{b.name};
    for (const auto& s : b.domains) row.push_back(s.shown ? format_score(s.score) : kWithheld);
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table comments_table(const IndexReport& r) {
  Table t{"의견", {{"실국", 18}, {"문항", 30}, {"의견", 60}, {"건수", 6, ColumnKind::number}}, {}};
  for (const auto& g : group_comments(r.comments))
    t.rows.push_back({g.bureau_name, g.question, g.text, std::to_string(g.count)});
  return t;
}

Table notes_table(const IndexReport& r, const std::string& kind, const std::string& title) {
  Table t{title, {{"실국", 18}, {"내용", 80}}, {}};
  for (const auto& n : r.notes)
    if (n.kind == kind) t.rows.push_back({n.bureau_name.empty() ? "전체" : n.bureau_name, n.text});
  return t;
}

/// The number a chart reads from a cell: "72.4", "68.2%" → 72.4, 68.2; nothing for text.
std::string chart_value(const std::string& text) {
  std::string s = text;
  if (!s.empty() && s.back() == '%') s.pop_back();
  if (!s.empty() && s.front() == '+') s.erase(0, 1);
  return platform::exports::parse_number(s) ? s : "";
}

}  // namespace

std::string format_score(double score) {
  return fixed(score, 1);
}

std::string format_mean(double mean) {
  return fixed(mean, 2);
}

std::string format_ratio(double ratio) {
  return fixed(ratio * 100.0, 1) + "%";
}

std::string format_change(std::optional<double> change) {
  if (!change) return "-";
  const double rounded = std::round(*change * 10.0) / 10.0;
  if (rounded > 0) return "+" + fixed(rounded, 1);
  if (rounded < 0) return "-" + fixed(-rounded, 1);
  return "0.0";
}

std::vector<Table> report_tables(const IndexReport& r) {
  return {overall_table(r),
          bureau_table(r),
          domain_table(r),
          comments_table(r),
          notes_table(r, "measure", "반영내용"),
          notes_table(r, "proposal", "제도개선 건의사항")};
}

render::View table_view(const Table& table, const std::string& id) {
  render::View headers = render::View::list();
  for (std::size_t i = 1; i < table.columns.size(); ++i)
    headers.push(render::View::object({{"label", table.columns[i].header}}));
  render::View rows = render::View::list();
  for (const auto& row : table.rows) {
    render::View cells = render::View::list();
    for (std::size_t i = 1; i < row.size(); ++i)
      cells.push(render::View::object(
          {{"text", row[i]}, {"value", chart_value(row[i])}, {"withheld", row[i] == kWithheld}}));
    rows.push(render::View::object({{"head", row.empty() ? std::string() : row[0]}, {"cells", cells}}));
  }
  return render::View::object({{"id", id},
                               {"title", table.title},
                               {"first", table.columns.empty() ? std::string() : table.columns[0].header},
                               {"headers", headers},
                               {"rows", rows},
                               {"has_rows", !table.rows.empty()},
                               {"span", static_cast<long long>(table.columns.size())}});
}

}  // namespace sotong::surveys
