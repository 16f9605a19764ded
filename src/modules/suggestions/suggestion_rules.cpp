#include "modules/suggestions/suggestion_rules.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/korean_text.hpp"
#include "platform/web/params.hpp"

namespace sotong::suggestions {
namespace {

bool check_length(const std::string& out, std::string_view field, std::string_view label, std::size_t max,
                  bool required, std::vector<FieldError>& errors) {
  if (out.empty() && required) {
    errors.push_back({std::string(field), with_particle(label, "을/를") + " 입력해 주십시오."});
    return false;
  }
  if (char_count(out) > max) {
    errors.push_back({std::string(field), with_particle(label, "은/는") + " " + std::to_string(max) +
                                              "자 이하로 입력해 주십시오."});
    return false;
  }
  return true;
}

std::string unreadable(std::string_view label) {
  return std::string(label) + "에 읽을 수 없는 문자가 있습니다. 다시 입력해 주십시오.";
}

}  // namespace

std::optional<int> parse_bounded(std::string_view text, int low, int high) {
  text = trim(text);
  if (text.empty() || text.size() > 4) return std::nullopt;
  int value = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return std::nullopt;
    value = value * 10 + (ch - '0');
  }
  if (value < low || value > high) return std::nullopt;
  return value;
}

bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool check_line(std::string_view raw, std::string_view field, std::string_view label, std::size_t max,
                std::string& out, std::vector<FieldError>& errors) {
  // clean_line trims, composes conjoining jamo (as some input methods send them) and drops control
  // characters; the limit is checked afterwards, on what will be stored.
  if (!clean_line(raw, out)) {
    errors.push_back({std::string(field), unreadable(label)});
    return false;
  }
  return check_length(out, field, label, max, true, errors);
}

bool check_text(std::string_view raw, std::string_view field, std::string_view label, std::size_t max,
                bool required, std::string& out, std::vector<FieldError>& errors) {
  if (!clean_text(raw, out)) {
    errors.push_back({std::string(field), unreadable(label)});
    return false;
  }
  out = std::string(trim(out));
  return check_length(out, field, label, max, required, errors);
}

Result<ValidSuggestion> validate_suggestion(const SuggestionInput& input, const FilingChoices& choices) {
  std::vector<FieldError> errors;
  ValidSuggestion out;
  check_line(input.title, "title", "제목", kTitleMaxChars, out.title, errors);
  check_text(input.content, "content", "내용", kContentMaxChars, choices.submitting, out.content, errors);

  if (auto domain = from_code<Domain>(kDomains, trim(input.domain)))
    out.domain = *domain;
  else
    errors.push_back({"domain", "정책영역을 골라 주십시오."});

  for (const auto& raw : input.concerned) {
    const auto id = platform::parse_id(trim(raw));
    if (!id || !contains(choices.municipalities, *id)) {
      errors.push_back({"concerned", "관련 시·군은 목록에 있는 시·군 가운데에서 골라 주십시오."});
      break;
    }
    if (!contains(out.concerned, *id)) out.concerned.push_back(*id);
  }

  if (!trim(input.addressed_bureau).empty()) {
    const auto id = platform::parse_id(trim(input.addressed_bureau));
    if (id && contains(choices.bureaus, *id))
      out.addressed_bureau = id;
    else
      errors.push_back({"addressed_bureau", "건의할 실국은 목록에 있는 실국 가운데에서 골라 주십시오."});
  }

  if (!trim(input.desired_date).empty()) {
    const auto date = parse_date(trim(input.desired_date));
    if (!date)
      errors.push_back({"desired_date", "희망 회신일은 2026-10-08처럼 날짜로 적어 주십시오."});
    else if (choices.submitting && days_from_civil(*date) < days_from_civil(choices.today))
      errors.push_back({"desired_date", "희망 회신일은 오늘이나 그 뒤의 날짜로 적어 주십시오."});
    else
      out.desired_date = date;
  }

  const auto channel_text = trim(input.channel);
  if (!channel_text.empty()) {
    if (auto channel = from_code<Channel>(kChannels, channel_text))
      out.channel = *channel;
    else
      errors.push_back({"channel", "건의 경로를 목록에서 골라 주십시오."});
  }
  const auto behalf_text = trim(input.on_behalf_of);
  if (choices.coordinator) {
    const auto id = platform::parse_id(behalf_text);
    if (id && contains(choices.municipalities, *id))
      out.on_behalf_of = id;
    else
      errors.push_back({"on_behalf_of", "건의한 시·군을 골라 주십시오."});
  } else if (out.channel != Channel::direct || !behalf_text.empty()) {
    // Only the coordinator records what was raised at a meeting; anyone else files for their own 시·군.
    errors.push_back({"channel", "회의에서 나온 건의는 시·군정책협력담당이 등록합니다."});
  }
  if (out.on_behalf_of) std::erase(out.concerned, *out.on_behalf_of);

  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

}  // namespace sotong::suggestions
