// Pure rules of 건의사항 (suggestions): what makes a filing valid. No I/O: the organisations a person may
// pick and today's date come in as values, so unit tests call the rules directly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "modules/suggestions/suggestion.hpp"

namespace sotong::suggestions {

/// The longest title, counted in characters rather than bytes (200 Hangul syllables are 600 bytes of UTF-8).
inline constexpr std::size_t kTitleMaxChars = 200;
inline constexpr std::size_t kContentMaxChars = 4000;

/// What a filing may name, read from the platform's organisations by the service.
struct FilingChoices {
  std::vector<std::int64_t> municipalities;  // active 시·군
  std::vector<std::int64_t> bureaus;         // active bureaus
  CivilDate today{};
  /// Whether the person is the coordinator, who records suggestions raised at meetings on a 시·군's behalf.
  bool coordinator = false;
  /// Submitting (not only saving a draft): the content is required and the desired date may not be past.
  bool submitting = false;
};

/// The input checked field by field. Text is trimmed and composed to NFC and must fit its limit; the domain
/// is one of the six; concerned 시·군 and the addressed bureau must be active ones (duplicates dropped); the
/// desired date is a real date, not in the past when submitting. Only the coordinator names a meeting channel
/// and a 시·군 on whose behalf it is recorded (and must name the 시·군). Every problem comes back as a Korean
/// field error (ErrorCode::invalid_input).
Result<ValidSuggestion> validate_suggestion(const SuggestionInput& input, const FilingChoices& choices);

/// Checks one line of text: trimmed, composed, 1..max characters; the message names the field's Korean
/// label. Shared by every form of the module.
bool check_line(std::string_view raw, std::string_view field, std::string_view label, std::size_t max,
                std::string& out, std::vector<FieldError>& errors);
/// A whole number in [low, high] typed as plain digits; nullopt for anything else ("1e2", "+3", "50%").
std::optional<int> parse_bounded(std::string_view text, int low, int high);
/// Whether `id` is among `ids` (an organisation a form offers, a member of a list).
bool contains(const std::vector<std::int64_t>& ids, std::int64_t id);

/// As check_line for multi-line text (line breaks kept); `required` false allows an empty text.
bool check_text(std::string_view raw, std::string_view field, std::string_view label, std::size_t max,
                bool required, std::string& out, std::vector<FieldError>& errors);

}  // namespace sotong::suggestions
