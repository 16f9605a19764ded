#include "modules/suggestions/suggestion_figures_views.hpp"

#include <boost/json.hpp>
#include <cmath>

#include "platform/calendar/holiday.hpp"

namespace sotong::suggestions {
namespace {

using platform::exports::ColumnKind;
using render::View;

constexpr std::string_view kNone = "없음";

/// "4.5", "50.0": one decimal, as every rate, median and mean is shown (they are never negative).
std::string one_decimal(double value) {
  const long long tenths = std::llround(value * 10);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

/// A median of working days: whole ("3"), or half way between two ("3.5").
std::string days_text(double days) {
  return days == std::floor(days) ? std::to_string(static_cast<long long>(days)) : one_decimal(days);
}

/// A count as files carry it: "13676".
std::string count(std::int64_t n) {
  return std::to_string(n);
}

/// A count as the page shows it: "13,676".
std::string shown(std::int64_t n) {
  const std::string digits = std::to_string(n);  // never negative
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

/// One cell of the page's tables: the figure, what it was counted over ("1/3", "2건"; may wrap below it), and
/// the bare number a chart reads (empty for none).
View cell(std::string text, std::string value, std::string detail = {}) {
  return View::object(
      {{"text", std::move(text)}, {"value", std::move(value)}, {"detail", std::move(detail)}});
}

View count_cell(std::int64_t n) {
  return cell(shown(n), count(n));
}

View cells(const Figures& f) {
  View out = View::list();
  out.push(count_cell(f.received)).push(count_cell(f.adopted)).push(count_cell(f.resolved));
  out.push(count_cell(f.partly_resolved));
  out.push(f.resolution_rate ? cell(one_decimal(*f.resolution_rate) + "%", one_decimal(*f.resolution_rate),
                                    "(" + shown(f.rate_resolved) + "/" + shown(f.adopted) + ")")
                             : cell(std::string(kNone), ""));
  auto median_cell = [](const std::optional<double>& days, std::int64_t n) {
    return days ? cell(days_text(*days) + "일", days_text(*days), "(" + shown(n) + "건)")
                : cell(std::string(kNone), "");
  };
  out.push(median_cell(f.median_answer_days, f.answered));
  out.push(median_cell(f.median_resolution_days, f.resolved + f.partly_resolved));
  out.push(count_cell(f.overdue)).push(count_cell(f.extensions));
  out.push(f.mean_satisfaction ? cell(one_decimal(*f.mean_satisfaction) + "점",
                                      one_decimal(*f.mean_satisfaction), "(" + shown(f.ratings) + "건)")
                               : cell(std::string(kNone), ""));
  return out;
}

View row(const std::string& label, const Figures& f) {
  return View::object({{"label", label}, {"cells", cells(f)}});
}

View group_rows(const std::vector<FigureGroup>& groups, std::size_t period) {
  View out = View::list();
  for (const auto& g : groups) out.push(row(g.name, g.figures[period]));
  return out;
}

View summary(const Figures& f) {
  View items = View::list();
  auto item = [&](std::string label, std::string value) {
    items.push(View::object({{"label", std::move(label)}, {"value", std::move(value)}}));
  };
  item("접수", shown(f.received) + "건");
  item("의제화", shown(f.adopted) + "건");
  item("해결", shown(f.resolved) + "건 (부분해결 " + shown(f.partly_resolved) + "건 따로)");
  item("해결률", f.resolution_rate ? one_decimal(*f.resolution_rate) + "% (의제화 " + shown(f.adopted) +
                                         "건 가운데 " + shown(f.rate_resolved) + "건 해결)"
                                   : std::string(kNone));
  item("첫 회신까지 (중앙값)",
       f.median_answer_days ? days_text(*f.median_answer_days) + " 근무일 (" + shown(f.answered) + "건)"
                            : std::string(kNone));
  item("해결까지 (중앙값)", f.median_resolution_days ? days_text(*f.median_resolution_days) + " 근무일 (" +
                                                           shown(f.resolved + f.partly_resolved) + "건)"
                                                     : std::string(kNone));
  item("기한 지남", shown(f.overdue) + "건");
  item("기한 연장", shown(f.extensions) + "회");
  item("만족도 평균", f.mean_satisfaction
                          ? one_decimal(*f.mean_satisfaction) + "점 (" + shown(f.ratings) + "건 평가)"
                          : std::string(kNone));
  return items;
}

View period_choices(const FigurePeriods& periods, std::size_t selected) {
  View out = View::list();
  // The year first: it is what the page opens with.
  for (std::size_t i : {kYearPeriod, std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{3}})
    out.push(
        View::object({{"code", periods[i].code}, {"label", periods[i].label}, {"selected", i == selected}}));
  return out;
}

View year_choices(int year) {
  // The last five years and this one, and the year asked for when it lies outside them.
  const int current = seoul_today().year;
  View out = View::list();
  if (year > current) out.push(View::object({{"year", year}, {"selected", true}}));
  for (int y = current; y >= current - 5; --y) out.push(View::object({{"year", y}, {"selected", y == year}}));
  if (year < current - 5) out.push(View::object({{"year", year}, {"selected", true}}));
  return out;
}

std::string period_range(const FigurePeriod& p) {
  auto text = [](CivilDate d) { return std::to_string(d.month) + "월 " + std::to_string(d.day) + "일"; };
  return text(p.first) + "~" + text(p.last);
}

// ---- files ----

std::vector<std::string> file_cells(const std::string& label, const Figures& f) {
  auto optional = [](const std::optional<double>& v, bool days) -> std::string {
    if (!v) return "";
    return days ? days_text(*v) : one_decimal(*v);
  };
  return {label,
          count(f.received),
          count(f.adopted),
          count(f.resolved),
          count(f.partly_resolved),
          count(f.rate_resolved),
          optional(f.resolution_rate, false),
          count(f.answered),
          optional(f.median_answer_days, true),
          count(f.resolved + f.partly_resolved),
          optional(f.median_resolution_days, true),
          count(f.overdue),
          count(f.extensions),
          count(f.ratings),
          optional(f.mean_satisfaction, false)};
}

// ---- JSON ----

boost::json::value optional_json(const std::optional<double>& v, int decimals) {
  if (!v) return nullptr;
  const double scale = decimals == 2 ? 100.0 : 10.0;
  return std::round(*v * scale) / scale;
}

boost::json::object figures_object(const Figures& f) {
  return {{"received", f.received},
          {"adopted", f.adopted},
          {"resolved", f.resolved},
          {"partly_resolved", f.partly_resolved},
          {"resolution_rate",
           {{"adopted", f.adopted},
            {"resolved", f.rate_resolved},
            {"percent", optional_json(f.resolution_rate, 1)}}},
          {"days_to_first_answer", {{"n", f.answered}, {"median", optional_json(f.median_answer_days, 1)}}},
          {"days_to_resolution",
           {{"n", f.resolved + f.partly_resolved}, {"median", optional_json(f.median_resolution_days, 1)}}},
          {"overdue", f.overdue},
          {"extensions", f.extensions},
          {"satisfaction",
           {{"n", f.ratings}, {"sum", f.satisfaction_sum}, {"mean", optional_json(f.mean_satisfaction, 2)}}}};
}

boost::json::object by_period(const FigurePeriods& periods, const PeriodFigures& figures) {
  boost::json::object out;
  for (std::size_t i = 0; i < kPeriodCount; ++i) out[periods[i].code] = figures_object(figures[i]);
  return out;
}

boost::json::array groups_json(const FigurePeriods& periods, const std::vector<FigureGroup>& groups) {
  boost::json::array out;
  for (const auto& g : groups) {
    boost::json::value id = nullptr;
    if (g.id != 0) id = g.id;
    out.push_back({{"id", id}, {"name", g.name}, {"figures", by_period(periods, g.figures)}});
  }
  return out;
}

}  // namespace

std::optional<FigureTable> figure_table_from_code(std::string_view code) {
  if (code == "quarters") return FigureTable::quarters;
  if (code == "bureaus") return FigureTable::bureaus;
  if (code == "municipalities") return FigureTable::municipalities;
  return std::nullopt;
}

std::optional<std::size_t> figure_period_from_code(std::string_view code) {
  const auto periods = periods_of(2000);  // the codes are the same every year
  for (std::size_t i = 0; i < kPeriodCount; ++i)
    if (periods[i].code == code) return i;
  return std::nullopt;
}

View figures_view(const FigureReport& report, std::size_t period) {
  const auto& periods = report.year.periods;
  const auto& total = report.year.total;
  View quarters = View::list();
  for (std::size_t i = 0; i < 4; ++i) quarters.push(row(periods[i].label, total[i]));
  const std::string period_label = period == kYearPeriod
                                       ? std::to_string(report.year.year) + "년"
                                       : std::to_string(report.year.year) + "년 " + periods[period].label +
                                             " (" + period_range(periods[period]) + ")";
  return View::object({{"year", report.year.year},
                       {"years", year_choices(report.year.year)},
                       {"periods", period_choices(periods, period)},
                       {"period_code", periods[period].code},
                       {"period_label", period_label},
                       {"whole_province", report.whole_province},
                       {"summary", summary(total[kYearPeriod])},
                       {"quarters", quarters},
                       {"year_row", row("연간", total[kYearPeriod])},
                       {"bureaus", group_rows(report.bureaus, period)},
                       {"municipalities", group_rows(report.municipalities, period)},
                       {"period_total", row("합계", total[period])}});
}

View figures_card_view(const FigureReport& report) {
  const Figures& f = report.year.total[kYearPeriod];
  return View::object(
      {{"year", report.year.year},
       {"received", shown(f.received)},
       {"rate", f.resolution_rate ? one_decimal(*f.resolution_rate) + "%" : std::string(kNone)},
       {"satisfaction", f.mean_satisfaction
                            ? one_decimal(*f.mean_satisfaction) + "점 (" + shown(f.ratings) + "건)"
                            : std::string(kNone)},
       {"whole_province", report.whole_province}});
}

platform::exports::Table figure_table(const FigureReport& report, FigureTable which, std::size_t period) {
  const auto& periods = report.year.periods;
  const std::string year = std::to_string(report.year.year) + "년";
  platform::exports::Table t;
  const char* first = which == FigureTable::quarters  ? "기간"
                      : which == FigureTable::bureaus ? "주관 실국"
                                                      : "시·군";
  t.columns = {{first, 16},
               {"접수", 8, ColumnKind::number},
               {"의제화", 8, ColumnKind::number},
               {"해결", 8, ColumnKind::number},
               {"부분해결", 10, ColumnKind::number},
               {"의제화 중 기간 말까지 해결", 14, ColumnKind::number},
               {"해결률(%)", 10, ColumnKind::number},
               {"첫 회신", 8, ColumnKind::number},
               {"첫 회신까지 중앙값(근무일)", 14, ColumnKind::number},
               {"해결·부분해결", 12, ColumnKind::number},
               {"해결까지 중앙값(근무일)", 14, ColumnKind::number},
               {"기한 지남", 10, ColumnKind::number},
               {"기한 연장(회)", 10, ColumnKind::number},
               {"만족도 평가", 10, ColumnKind::number},
               {"만족도 평균(점)", 12, ColumnKind::number}};
  if (which == FigureTable::quarters) {
    t.title = "건의사항 성과 지표 " + year + " 분기별";
    for (std::size_t i = 0; i < kPeriodCount; ++i)
      t.rows.push_back(file_cells(periods[i].label, report.year.total[i]));
    return t;
  }
  const bool bureaus = which == FigureTable::bureaus;
  const std::string when = period == kYearPeriod ? year : year + " " + periods[period].label;
  t.title = "건의사항 성과 지표 " + when + (bureaus ? " 실국별" : " 시·군별");
  for (const auto& g : bureaus ? report.bureaus : report.municipalities)
    t.rows.push_back(file_cells(g.name, g.figures[period]));
  t.rows.push_back(file_cells("합계", report.year.total[period]));
  return t;
}

std::string figures_json(const FigureReport& report) {
  const auto& periods = report.year.periods;
  boost::json::array period_list;
  for (const auto& p : periods)
    period_list.push_back({{"code", p.code},
                           {"label", p.label},
                           {"first", platform::calendar::format_date(p.first)},
                           {"last", platform::calendar::format_date(p.last)}});
  return boost::json::serialize(
      boost::json::object{{"year", report.year.year},
                          {"scope", report.whole_province ? "province" : "visible"},
                          {"periods", period_list},
                          {"total", by_period(periods, report.year.total)},
                          {"bureaus", groups_json(periods, report.bureaus)},
                          {"municipalities", groups_json(periods, report.municipalities)}});
}

}  // namespace sotong::suggestions
