// Importing answers collected on paper or by another tool (CSV, or an XLSX's first sheet) into a campaign:
// a header `bureau_id,q1,…,qN` (an optional `response_id` column is read past and never stored), one row per
// response. Every bad row is reported in Korean and nothing is imported then; what is imported goes the way
// of every response — random ids, shuffled, the import's day, no trace of the file's order or ids.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/result.hpp"
#include "modules/surveys/survey.hpp"
#include "store/database.hpp"

namespace sotong::surveys {

/// At most this many row errors are listed (the rest counted), so a wholly wrong file gives a short answer.
inline constexpr std::size_t kMaxImportErrors = 20;

/// Reads rows one at a time against the questionnaire and the campaign's subjects.
class ImportReader {
 public:
  ImportReader(const std::vector<Question>& questions, std::vector<std::int64_t> subjects);
  /// The next row (the first is the header). Keeps the answers of a good row, the Korean error of a bad one.
  void add(const CsvRow& row);
  /// The answers, or every error found (nothing is imported when there is one).
  Result<std::vector<Answers>> finish();

 private:
  void read_header(const CsvRow& row);
  void error(std::string message);

  const std::vector<Question>& questions_;
  std::vector<std::int64_t> subjects_;
  std::vector<Answers> answers_;
  std::vector<FieldError> errors_;
  std::size_t error_count_ = 0;
  std::size_t line_ = 0;
  int bureau_column_ = -1;
  std::vector<int> question_columns_;  // column of each question, -1 when missing
  bool header_ok_ = false;
};

/// The answers of a CSV text (UTF-8), streamed row by row.
Result<std::vector<Answers>> read_import_csv(std::string_view text, const std::vector<Question>& questions,
                                             const std::vector<std::int64_t>& subjects);

/// Imports a file's answers into a campaign (open or closed, not a draft), all rows or none; returns how many
/// responses were stored. `file_name` tells CSV from XLSX.
Result<std::int64_t> import_answers(store::Database& db, std::int64_t campaign_id, std::string_view bytes,
                                    std::string_view file_name, Timestamp at);

}  // namespace sotong::surveys
