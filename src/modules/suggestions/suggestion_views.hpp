// What the pages of 건의사항 show, as template views and export tables: one place that turns records into
// Korean display text, so that the list, the page, the print layout and the files say the same thing.
#pragma once

#include <vector>

#include "modules/suggestions/suggestion.hpp"
#include "modules/suggestions/suggestion_reply_template.hpp"
#include "modules/suggestions/suggestion_service.hpp"
#include "platform/exports/table.hpp"
#include "render/view.hpp"

namespace sotong::suggestions {

/// One row of a list: title, state badge, organisations, due date with its overdue mark.
render::View row_view(const Suggestion& record, CivilDate today);

/// The whole page of one suggestion: its fields, the timeline, and a form for each action and step the
/// person may take now (the choices filled in).
/// Help for writing the reply: the lead bureau's templates (as links that fill the form) and, when one was
/// picked, its text for this suggestion.
struct ReplyHelp {
  std::vector<ReplyTemplate> templates;
  std::optional<std::string> prefill;
};
render::View file_view(const SuggestionFile& file, const FormChoices& choices, const ReplyHelp& help = {});

/// The filing form's choices with what was typed (or stored) selected.
render::View filing_view(const SuggestionInput& input, const FormChoices& choices);

/// The filtered list as a file: every column an official sorts by in Excel.
platform::exports::Table list_table(const std::vector<Suggestion>& records, CivilDate today);

/// The KRDS badge colour of a state: done (green), refused (red), in hand (blue), waiting (grey).
std::string_view state_badge(State state);

}  // namespace sotong::suggestions
