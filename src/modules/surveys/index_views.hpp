// The cooperation index's tables, built once from a report and used by every surface: the page, the print
// layout, the one XLSX of all tables and (through the same ShownStat) the API. A withheld group reads
// "공개 기준(5명) 미만" wherever it appears.
#pragma once

#include <string>
#include <vector>

#include "modules/surveys/index_report.hpp"
#include "platform/exports/table.hpp"
#include "render/view.hpp"

namespace sotong::surveys {

inline constexpr const char* kWithheld = "공개 기준(5명) 미만";

std::string format_score(double score);            // "72.4"
std::string format_ratio(double ratio);            // "68.2%"
std::string format_mean(double mean);              // "3.67": a mean on the five-point scale
std::string format_change(std::optional<double>);  // "+2.3", "−1.0", "-" when none

/// The report's tables: 영역별 종합, 실국별 종합, 실국×영역 점수, 의견, 반영내용, 제도개선 건의사항.
std::vector<platform::exports::Table> report_tables(const IndexReport& report);

/// A table as the page and the print layout render it (surveys/_table): `id` for charts to read, the first
/// column as row headers, numbers in data-value.
render::View table_view(const platform::exports::Table& table, const std::string& id);

}  // namespace sotong::surveys
