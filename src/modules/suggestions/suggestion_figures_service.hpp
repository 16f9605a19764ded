// The figures (성과 지표) of a year as one person may read them: the rows they may see, counted by the pure
// formulas (suggestion_figures), with the names of the bureaus and 시·군 they are grouped by.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "modules/suggestions/suggestion_figures.hpp"
#include "platform/service_context.hpp"

namespace sotong::suggestions {

inline constexpr int kFirstFigureYear = 2000;
inline constexpr int kLastFigureYear = 2100;

/// One row of a table: a bureau or a 시·군 (id 0: none), its name and its figures.
struct FigureGroup {
  std::int64_t id = 0;
  std::string name;
  PeriodFigures figures;
};

struct FigureReport {
  YearFigures year;
  std::vector<FigureGroup> bureaus;
  std::vector<FigureGroup> municipalities;
  /// Counted over every suggestion (province-wide roles); otherwise over those the person may see.
  bool whole_province = false;
};

/// The figures of `year` counted over the suggestions the actor may see, exactly as the list shows them: a
/// province-wide role counts all and gets a row for every active bureau and 시·군; anyone else gets the rows
/// of the groups their visible suggestions fall in, and their own bureau or 시·군. invalid_input (field
/// "year") outside kFirstFigureYear..kLastFigureYear.
Result<FigureReport> year_figures(const platform::ServiceContext& svc, int year);

}  // namespace sotong::suggestions
