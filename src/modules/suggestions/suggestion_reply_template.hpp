// Reply templates (회신 서식): a bureau's standing answers, filled into the reply form and adapted there.
// The model, the pure rules and the filling of placeholders.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "modules/suggestions/suggestion.hpp"

namespace sotong::suggestions {

struct ReplyTemplate {
  std::int64_t id = 0;
  std::int64_t bureau_id = 0;
  std::string bureau_name;
  std::string title;
  std::string body;
  Timestamp updated_at = 0;
};

struct ReplyTemplateInput {
  std::string title;
  std::string body;
  std::string bureau;  // the coordinator picks the bureau; a bureau officer's own bureau is used otherwise
};

inline constexpr std::size_t kTemplateTitleMaxChars = 100;

/// Title 1..100 characters, body 1..kReasonMaxChars (line breaks kept); Korean field errors.
Result<ReplyTemplate> validate_reply_template(const ReplyTemplateInput& input);

/// The template's text for one suggestion: {제목} becomes its title, {건의기관} the organisation that filed
/// it, {주관실국} its lead bureau; anything else is left as written.
std::string fill_reply_template(std::string_view body, const Suggestion& suggestion);

}  // namespace sotong::suggestions
