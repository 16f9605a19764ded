#include "modules/surveys/survey_rules.hpp"

#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "core/korean_text.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::surveys {
namespace {

/// Checks one line field into `out`; adds the field's Korean error when it is missing, unreadable or long.
void required_line(std::string_view raw, std::string& out, std::size_t max_chars, const char* field,
                   const std::string& name, std::vector<FieldError>& errors) {
  if (!clean_line(raw, out)) {
    errors.push_back({field, name + "에 읽을 수 없는 문자가 있습니다."});
  } else if (out.empty()) {
    errors.push_back({field, with_particle(name, "을/를") + " 입력해 주십시오."});
  } else if (char_count(out) > max_chars) {
    errors.push_back({field, name + "은 " + std::to_string(max_chars) + "자 이하로 입력해 주십시오."});
  }
}

std::vector<std::string> option_lines(std::string_view raw) {
  std::vector<std::string> out;
  std::string cleaned;
  if (!clean_text(raw, cleaned)) return out;
  std::size_t start = 0;
  while (start <= cleaned.size()) {
    const auto end = cleaned.find('\n', start);
    std::string line;
    clean_line(cleaned.substr(start, end == std::string::npos ? std::string::npos : end - start), line);
    if (!line.empty()) out.push_back(std::move(line));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

void check_options(Question& q, std::string_view raw, std::vector<FieldError>& errors) {
  if (q.kind == QuestionKind::scale || q.kind == QuestionKind::text) return;
  q.options = option_lines(raw);
  const std::size_t max = q.kind == QuestionKind::multiple ? kMaxMultipleOptions : kMaxSingleOptions;
  if (q.options.size() < 2 || q.options.size() > max)
    errors.push_back(
        {"options", "보기는 한 줄에 하나씩 2개에서 " + std::to_string(max) + "개까지 입력해 주십시오."});
  for (const auto& o : q.options)
    if (char_count(o) > kSectionMaxChars)
      errors.push_back(
          {"options", "보기는 " + std::to_string(kSectionMaxChars) + "자 이하로 입력해 주십시오."});
}

std::string field_of(int position) {
  return "q" + std::to_string(position);
}

}  // namespace

Result<Question> validate_question(const QuestionInput& input) {
  std::vector<FieldError> errors;
  Question q;
  required_line(input.section, q.section, kSectionMaxChars, "section", "영역 이름", errors);
  std::string cleaned;
  if (!clean_text(input.text, cleaned)) {
    errors.push_back({"text", "문항에 읽을 수 없는 문자가 있습니다."});
  } else {
    clean_line(cleaned, q.text);
    if (q.text.empty()) errors.push_back({"text", "문항을 입력해 주십시오."});
    if (char_count(q.text) > kQuestionMaxChars)
      errors.push_back(
          {"text", "문항은 " + std::to_string(kQuestionMaxChars) + "자 이하로 입력해 주십시오."});
  }
  const auto kind = from_code<QuestionKind>(kQuestionKinds, input.kind);
  if (!kind) {
    errors.push_back({"kind", "문항 유형을 골라 주십시오."});
  } else {
    q.kind = *kind;
    check_options(q, input.options, errors);
  }
  q.domain = from_code<Domain>(kDomains, input.domain);
  q.dimension = from_code<Dimension>(kDimensions, input.dimension);
  if (!input.domain.empty() && !q.domain) errors.push_back({"domain", "정책영역을 목록에서 골라 주십시오."});
  if (!input.dimension.empty() && !q.dimension)
    errors.push_back({"dimension", "측정 차원을 목록에서 골라 주십시오."});
  if (kind == QuestionKind::scale) {
    if (input.domain.empty()) errors.push_back({"domain", "5점 척도 문항은 정책영역을 골라야 합니다."});
    if (input.dimension.empty())
      errors.push_back({"dimension", "5점 척도 문항은 측정 차원을 골라야 합니다."});
  }
  if (!errors.empty()) return Error::invalid("문항을 확인해 주십시오.", std::move(errors));
  return q;
}

Result<bool> check_editable(const Questionnaire& questionnaire) {
  if (questionnaire.campaigns > 0)
    return Error::conflict(
        "설문조사에 쓰인 설문지는 고칠 수 없습니다. 복사해 새 판을 만든 뒤 고쳐 주십시오.");
  return true;
}

Result<Campaign> validate_campaign(const CampaignInput& input) {
  std::vector<FieldError> errors;
  Campaign c;
  required_line(input.title, c.title, kTitleMaxChars, "title", "조사 이름", errors);
  const auto year = parse_integer(input.year);
  if (!year || *year < 2000 || *year > 2100) {
    errors.push_back({"year", "연도를 2000에서 2100 사이의 숫자로 입력해 주십시오."});
  } else {
    c.year = static_cast<int>(*year);
  }
  if (auto q = parse_integer(input.questionnaire_id); q && *q > 0) {
    c.questionnaire_id = *q;
  } else {
    errors.push_back({"questionnaire_id", "설문지를 골라 주십시오."});
  }
  // The yearly survey runs from September to October unless the coordinator sets another window.
  const auto opens =
      input.opens_on.empty() ? std::optional<CivilDate>(CivilDate{c.year, 9, 1}) : parse_date(input.opens_on);
  const auto closes = input.closes_on.empty() ? std::optional<CivilDate>(CivilDate{c.year, 10, 31})
                                              : parse_date(input.closes_on);
  if (!opens) errors.push_back({"opens_on", "시작일을 2026-09-01처럼 입력해 주십시오."});
  if (!closes) errors.push_back({"closes_on", "종료일을 2026-10-31처럼 입력해 주십시오."});
  if (opens && closes) {
    c.opens_on = *opens;
    c.closes_on = *closes;
    if (days_from_civil(*closes) < days_from_civil(*opens))
      errors.push_back({"closes_on", "종료일은 시작일과 같거나 그 뒤여야 합니다."});
  }
  const auto max =
      input.max_subjects.empty() ? std::optional<std::int64_t>(3) : parse_integer(input.max_subjects);
  if (!max || *max < 1 || *max > kMaxSubjectsLimit) {
    errors.push_back({"max_subjects", "평가할 실국 수는 1에서 " + std::to_string(kMaxSubjectsLimit) +
                                          " 사이로 정해 주십시오."});
  } else {
    c.max_subjects = static_cast<int>(*max);
  }
  for (const auto& s : input.subjects) {
    if (auto id = parse_integer(s); id && *id > 0) {
      c.subjects.push_back(*id);
    } else {
      errors.push_back({"subjects", "평가 대상 실국을 목록에서 골라 주십시오."});
      break;
    }
  }
  if (input.subjects.empty()) errors.push_back({"subjects", "평가 대상 실국을 하나 이상 골라 주십시오."});
  c.pilot = input.pilot;
  c.include_bureaus = input.include_bureaus;
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return c;
}

Result<Answers> answers_from_form(const std::vector<Question>& questions, const http::Form& form,
                                  std::int64_t subject_id) {
  Answers out;
  out.subject_id = subject_id;
  out.bytes.assign(questions.size(), static_cast<char>(kUnanswered));
  std::vector<FieldError> errors;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const Question& q = questions[i];
    const std::string field = field_of(q.position);
    const std::string number = "문항 " + std::to_string(q.position);
    if (q.kind == QuestionKind::text) {
      std::string text;
      if (!clean_text(form.get(field), text)) {
        errors.push_back({field, number + "에 읽을 수 없는 문자가 있습니다."});
      } else if (char_count(text) > kOpenAnswerMaxChars) {
        errors.push_back(
            {field, number + "은 " + std::to_string(kOpenAnswerMaxChars) + "자 이하로 써 주십시오."});
      } else if (!text.empty()) {
        out.texts.emplace_back(q.position, std::move(text));
      }
      out.bytes[i] = 0;
      continue;
    }
    if (q.kind == QuestionKind::multiple) {
      unsigned bits = 0;
      for (const auto& value : form.all(field)) {
        const auto n = parse_integer(value);
        if (!n || *n < 1 || *n > static_cast<std::int64_t>(q.options.size())) {
          errors.push_back({field, number + "의 보기를 목록에서 골라 주십시오."});
          break;
        }
        bits |= 1U << (*n - 1);
      }
      out.bytes[i] = static_cast<char>(bits);
      continue;
    }
    const std::string value = form.get(field);
    if (value.empty()) continue;
    const auto n = parse_integer(value);
    const std::int64_t low = q.kind == QuestionKind::scale ? 0 : 1;
    const std::int64_t high = q.kind == QuestionKind::scale ? 5 : static_cast<std::int64_t>(q.options.size());
    if (!n || *n < low || *n > high) {
      errors.push_back({field, number + "의 답을 보기에서 골라 주십시오."});
      continue;
    }
    out.bytes[i] = static_cast<char>(*n);
  }
  if (!errors.empty()) return Error::invalid("답을 확인해 주십시오.", std::move(errors));
  return out;
}

std::vector<int> unanswered(const std::vector<Question>& questions, const std::string& bytes) {
  std::vector<int> out;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const auto kind = questions[i].kind;
    if (kind != QuestionKind::scale && kind != QuestionKind::single) continue;
    if (i >= bytes.size() || static_cast<std::uint8_t>(bytes[i]) == kUnanswered)
      out.push_back(questions[i].position);
  }
  return out;
}

std::string finished_bytes(std::string bytes) {
  for (auto& b : bytes)
    if (static_cast<std::uint8_t>(b) == kUnanswered) b = 0;
  return bytes;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  const auto* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || p != end || text.empty()) return std::nullopt;
  return value;
}

std::string response_day(Timestamp at) {
  return platform::calendar::format_date(seoul_date(at));
}

}  // namespace sotong::surveys
