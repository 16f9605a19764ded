#include "modules/surveys/survey_import.hpp"

#include <algorithm>
#include <charconv>

#include "core/korean_text.hpp"
#include "modules/surveys/survey_response_store.hpp"
#include "modules/surveys/survey_rules.hpp"
#include "modules/surveys/survey_store.hpp"
#include "platform/imports/table_reader.hpp"

namespace sotong::surveys {
namespace {

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

/// One cell's answer byte, or the Korean reason it is not one.
Result<std::uint8_t> answer_byte(const Question& q, const std::string& cell) {
  if (q.kind == QuestionKind::text) return std::uint8_t{0};
  if (cell.empty()) return q.kind == QuestionKind::multiple ? std::uint8_t{0} : std::uint8_t{0};
  if (q.kind == QuestionKind::multiple) {
    unsigned bits = 0;
    std::size_t start = 0;
    while (start <= cell.size()) {
      const auto end = cell.find(';', start);
      const auto part = trimmed(
          std::string_view(cell).substr(start, end == std::string::npos ? std::string::npos : end - start));
      const auto n = parse_integer(part);
      if (!n || *n < 1 || *n > static_cast<std::int64_t>(q.options.size()))
        return Error::invalid("보기 번호를 1~" + std::to_string(q.options.size()) +
                              " 사이에서 ;로 나눠 적어야 합니다");
      bits |= 1U << (*n - 1);
      if (end == std::string::npos) break;
      start = end + 1;
    }
    return static_cast<std::uint8_t>(bits);
  }
  const auto n = parse_integer(cell);
  const std::int64_t high = q.kind == QuestionKind::scale ? 5 : static_cast<std::int64_t>(q.options.size());
  if (!n || *n < 0 || *n > high)
    return Error::invalid(q.kind == QuestionKind::scale
                              ? "0(모름)에서 5 사이의 정수여야 합니다"
                              : "0(무응답)에서 " + std::to_string(high) + " 사이여야 합니다");
  return static_cast<std::uint8_t>(*n);
}

}  // namespace

ImportReader::ImportReader(const std::vector<Question>& questions, std::vector<std::int64_t> subjects)
    : questions_(questions), subjects_(std::move(subjects)) {
  std::sort(subjects_.begin(), subjects_.end());
}

void ImportReader::error(std::string message) {
  ++error_count_;
  if (errors_.size() < kMaxImportErrors) errors_.push_back({"file", std::move(message)});
}

void ImportReader::read_header(const CsvRow& row) {
  question_columns_.assign(questions_.size(), -1);
  for (std::size_t i = 0; i < row.size(); ++i) {
    const std::string name = trimmed(row[i]);
    if (name == "bureau_id" || name == "실국") {
      bureau_column_ = static_cast<int>(i);
    } else if (name.size() > 1 && name[0] == 'q') {
      const auto n = parse_integer(std::string_view(name).substr(1));
      if (n && *n >= 1 && *n <= static_cast<std::int64_t>(questions_.size()))
        question_columns_[static_cast<std::size_t>(*n - 1)] = static_cast<int>(i);
    }
  }
  if (bureau_column_ < 0) error("1행(머리글): bureau_id 열이 없습니다. 평가한 실국의 번호를 적는 열입니다.");
  for (std::size_t q = 0; q < question_columns_.size(); ++q)
    if (question_columns_[q] < 0) error("1행(머리글): q" + std::to_string(q + 1) + " 열이 없습니다.");
  header_ok_ = error_count_ == 0;
}

void ImportReader::add(const CsvRow& row) {
  ++line_;
  if (line_ == 1) {
    read_header(row);
    return;
  }
  if (!header_ok_) return;
  if (row.size() == 1 && row[0].empty()) return;  // a blank line
  const std::string at = std::to_string(line_) + "행: ";
  Answers a;
  const auto bureau_cell = static_cast<std::size_t>(bureau_column_) < row.size()
                               ? trimmed(row[static_cast<std::size_t>(bureau_column_)])
                               : "";
  const auto bureau = parse_integer(bureau_cell);
  if (!bureau || !std::binary_search(subjects_.begin(), subjects_.end(), *bureau)) {
    error(at + "bureau_id '" + truncate_chars(bureau_cell, 20) + "'는 이 조사의 평가 대상 실국이 아닙니다.");
    return;
  }
  a.subject_id = *bureau;
  a.bytes.resize(questions_.size());
  for (std::size_t q = 0; q < questions_.size(); ++q) {
    const auto column = static_cast<std::size_t>(question_columns_[q]);
    const std::string& cell = column < row.size() ? row[column] : std::string();
    if (questions_[q].kind == QuestionKind::text) {
      std::string text;
      if (!clean_text(cell, text)) {
        error(at + "q" + std::to_string(q + 1) + "에 읽을 수 없는 문자가 있습니다.");
        return;
      }
      if (char_count(text) > kOpenAnswerMaxChars) {
        error(at + "q" + std::to_string(q + 1) + "는 " + std::to_string(kOpenAnswerMaxChars) +
              "자 이하여야 합니다.");
        return;
      }
      if (!text.empty()) a.texts.emplace_back(static_cast<int>(q + 1), std::move(text));
      a.bytes[q] = 0;
      continue;
    }
    auto byte =
        answer_byte(questions_[q], cell.find_first_of(" \t") == std::string::npos ? cell : trimmed(cell));
    if (!byte) {
      error(at + "q" + std::to_string(q + 1) + "의 값 '" + truncate_chars(cell, 20) + "'는 " +
            byte.error().message + ".");
      return;
    }
    a.bytes[q] = static_cast<char>(*byte);
  }
  answers_.push_back(std::move(a));
}

Result<std::vector<Answers>> ImportReader::finish() {
  if (line_ == 0) error("파일이 비어 있습니다. 첫 행에 bureau_id,q1,q2,… 머리글을 적어 주십시오.");
  if (error_count_ == 0 && answers_.empty()) error("가져올 응답이 없습니다.");
  if (error_count_ > 0) {
    auto errors = std::move(errors_);
    if (error_count_ > errors.size())
      errors.push_back(
          {"file", "그 밖에 " + std::to_string(error_count_ - errors.size()) + "개의 오류가 더 있습니다."});
    return Error::invalid("잘못된 행이 있어 아무것도 가져오지 않았습니다. 고친 뒤 다시 가져와 주십시오.",
                          std::move(errors));
  }
  return std::move(answers_);
}

Result<std::vector<Answers>> read_import_csv(std::string_view text, const std::vector<Question>& questions,
                                             const std::vector<std::int64_t>& subjects) {
  if (!is_valid_utf8(text))
    return Error::invalid("파일의 문자 인코딩을 읽을 수 없습니다. UTF-8 CSV로 저장해 주십시오.");
  ImportReader reader(questions, subjects);
  each_csv_row(text, [&](CsvRow& row) {
    reader.add(row);
    return true;
  });
  return reader.finish();
}

Result<std::int64_t> import_answers(store::Database& db, std::int64_t campaign_id, std::string_view bytes,
                                    std::string_view file_name, Timestamp at) {
  auto setup = db.read([&](store::Connection& c) -> Result<std::pair<Campaign, Questionnaire>> {
    auto campaign = survey_store::find_campaign(c, campaign_id);
    if (!campaign)
      return Error::not_found("설문조사 " + std::to_string(campaign_id) + "번을 찾을 수 없습니다.");
    if (campaign->state == CampaignState::draft)
      return Error::conflict("준비 중인 설문조사에는 가져올 수 없습니다. 먼저 조사를 시작해 주십시오.");
    auto questionnaire = survey_store::find_questionnaire(c, campaign->questionnaire_id);
    if (!questionnaire) return Error::not_found("설문지를 찾을 수 없습니다.");
    return std::make_pair(std::move(*campaign), std::move(*questionnaire));
  });
  if (!setup) return setup.error();
  // A UTF-8 CSV is read row by row (a million rows never sit in memory as text cells); an .xlsx workbook or a
  // CSV in CP949 goes through the platform's table reader.
  const bool plain_csv = bytes.substr(0, 2) != "PK" && is_valid_utf8(bytes);
  auto answers = [&]() -> Result<std::vector<Answers>> {
    if (plain_csv) return read_import_csv(bytes, setup->second.questions, setup->first.subjects);
    auto rows = platform::imports::read_table(bytes, file_name);
    if (!rows) return rows.error();
    ImportReader reader(setup->second.questions, setup->first.subjects);
    for (const auto& row : *rows) reader.add(row);
    return reader.finish();
  }();
  if (!answers) return answers.error();
  const auto count = static_cast<std::int64_t>(answers->size());
  db.write([&](store::Connection& c) {
    survey_response_store::insert_responses(c, campaign_id, std::move(*answers), response_day(at));
  });
  return count;
}

}  // namespace sotong::surveys
