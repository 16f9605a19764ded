// The anonymising rule of the case library: a finished consultation becomes a library entry without the
// asking organisation's name (nor its short forms) and without the names of the people involved. Pure.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sotong::audit {

/// What identifies a consultation: its organisations' names (전주시, 기획조정실) and its people (asker,
/// handlers, experts).
struct IdentifyingNames {
  std::vector<std::string> organizations;
  std::vector<std::string> people;
};

/// What each form of an organisation's name becomes: the full name keeps its kind (전주시 → ○○시, 완주군 →
/// ○○군, 기획조정실 → ○○실) and the short form without it goes too (전주 → ○○), when at least two syllables
/// remain.
std::vector<std::pair<std::string, std::string>> organization_replacements(std::string_view name);

/// `text` with every identifying name replaced — organisations as organization_replacements says, people by
/// 담당자 — the longest name first, so 최전주 becomes 담당자 rather than 최○○.
std::string anonymise(std::string_view text, const IdentifyingNames& names);

/// The full names (organisations and people) still found in `text`: what an approval must not publish.
std::vector<std::string> identifying_names_in(std::string_view text, const IdentifyingNames& names);

}  // namespace sotong::audit
