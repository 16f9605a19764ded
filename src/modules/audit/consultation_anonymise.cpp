#include "modules/audit/consultation_anonymise.hpp"

#include <algorithm>
#include <array>

#include "core/korean_text.hpp"

namespace sotong::audit {
namespace {

/// The endings that say what kind of organisation a name is.
constexpr std::array<std::string_view, 10> kKindEndings = {"시", "군", "구", "도", "실",
                                                           "국", "과", "청", "원", "단"};

bool ends_with(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> organization_replacements(std::string_view name) {
  std::vector<std::pair<std::string, std::string>> out;
  const std::string_view trimmed = trim(name);
  if (trimmed.empty()) return out;
  for (std::string_view ending : kKindEndings) {
    if (!ends_with(trimmed, ending)) continue;
    const std::string_view stem = trimmed.substr(0, trimmed.size() - ending.size());
    out.emplace_back(std::string(trimmed), "○○" + std::string(ending));
    if (char_count(stem) >= 2) out.emplace_back(std::string(stem), "○○");
    return out;
  }
  out.emplace_back(std::string(trimmed), "○○기관");
  return out;
}

std::string anonymise(std::string_view text, const IdentifyingNames& names) {
  std::vector<std::pair<std::string, std::string>> patterns;
  for (const auto& o : names.organizations)
    for (auto& r : organization_replacements(o)) patterns.push_back(std::move(r));
  for (const auto& p : names.people) {
    const std::string_view person = trim(p);
    if (!person.empty()) patterns.emplace_back(std::string(person), "담당자");
  }
  // Longest first: a person's name that contains a place's short form (최전주, 전주) goes whole.
  std::stable_sort(patterns.begin(), patterns.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    bool replaced = false;
    for (const auto& [from, to] : patterns) {
      if (text.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (replaced) continue;
    // Whole characters only, so a name never matches from the middle of a syllable's bytes.
    const std::size_t n = std::max<std::size_t>(1, utf8_sequence_length(text, i));
    out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

std::vector<std::string> identifying_names_in(std::string_view text, const IdentifyingNames& names) {
  std::vector<std::string> out;
  auto check = [&](std::string_view name) {
    const std::string_view n = trim(name);
    if (!n.empty() && text.find(n) != std::string_view::npos &&
        std::find(out.begin(), out.end(), n) == out.end())
      out.emplace_back(n);
  };
  for (const auto& o : names.organizations) check(o);
  for (const auto& p : names.people) check(p);
  return out;
}

}  // namespace sotong::audit
