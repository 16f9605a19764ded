// What the figures (성과 지표) show: the page's and the home card's template views, the tables as files, and
// the JSON of the API — one place that turns figures into Korean display text, so that the page, the files
// and the charts drawn over the page's tables say the same thing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "modules/suggestions/suggestion_figures_service.hpp"
#include "platform/exports/table.hpp"
#include "render/view.hpp"

namespace sotong::suggestions {

/// The tables of the page, each downloadable (?table=…&format=csv|xlsx).
enum class FigureTable { quarters, bureaus, municipalities };
std::optional<FigureTable> figure_table_from_code(std::string_view code);

/// The index into FigurePeriods of "year" or "q1" … "q4"; nullopt for anything else.
std::optional<std::size_t> figure_period_from_code(std::string_view code);

/// The page: the year's summary, the quarters, and the bureaus' and 시·군's tables over `period`.
render::View figures_view(const FigureReport& report, std::size_t period);

/// The home card: the year's received, resolution rate and mean satisfaction.
render::View figures_card_view(const FigureReport& report);

/// One of the page's tables as a file, with every count behind a rate, median or mean.
platform::exports::Table figure_table(const FigureReport& report, FigureTable which, std::size_t period);

/// GET /api/v1/suggestions/figures: every figure of every period, total, per bureau and per 시·군.
std::string figures_json(const FigureReport& report);

}  // namespace sotong::suggestions
