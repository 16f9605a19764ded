#include "modules/audit/dataset_rules.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/korean_text.hpp"

namespace sotong::audit {
namespace {

/// A required field: one line, or several when `multiline`.
void required(std::string_view raw, std::string& out, const char* field, const char* label, std::size_t max,
              bool multiline, std::vector<FieldError>& errors) {
  const bool ok = multiline ? clean_text(raw, out) : clean_line(raw, out);
  if (!ok) {
    errors.push_back({field, std::string(label) + "에 읽을 수 없는 문자가 있습니다."});
  } else if (out.empty()) {
    errors.push_back({field, with_particle(label, "을/를") + " 입력해 주십시오."});
  } else if (char_count(out) > max) {
    errors.push_back(
        {field, with_particle(label, "은/는") + " " + std::to_string(max) + "자 이하로 입력해 주십시오."});
  }
}

/// A header as compared: without spaces, ASCII letters in lower case.
std::string comparable(std::string_view header) {
  std::string out;
  for (char ch : trim(header))
    if (ch != ' ' && ch != '\t')
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  return out;
}

}  // namespace

Result<ValidDataSet> validate_dataset(const DataSetInput& input, const linkage::RoleSchema& kind,
                                      const std::vector<std::string>& headers, CivilDate today) {
  std::vector<FieldError> errors;
  ValidDataSet out;
  required(input.title, out.title, "title", "이름", kDataSetTitleMaxChars, false, errors);
  required(input.purpose, out.purpose, "purpose", "이용 목적", kDataSetTextMaxChars, true, errors);
  required(input.legal_basis, out.legal_basis, "legal_basis", "법적 근거", kDataSetTitleMaxChars, false,
           errors);

  const auto day = parse_date(trim(input.retention_until));
  const auto today_days = days_from_civil(today);
  if (!day) {
    errors.push_back({"retention_until", "보유 기한을 2026-12-31처럼 입력해 주십시오."});
  } else if (days_from_civil(*day) <= today_days) {
    errors.push_back({"retention_until", "보유 기한은 오늘 뒤의 날이어야 합니다."});
  } else if (days_from_civil(*day) >
             days_from_civil({today.year + kMaxRetentionYears, today.month, today.day})) {
    errors.push_back({"retention_until", "보유 기한은 " + std::to_string(kMaxRetentionYears) +
                                             "년 안으로 정해 주십시오. 감사가 끝나면 자료를 폐기합니다."});
  } else {
    out.retention_until = std::string(trim(input.retention_until));
  }

  std::set<std::string> used;
  for (const auto& column : kind.columns) {
    const auto it = std::find_if(input.mapping.begin(), input.mapping.end(),
                                 [&](const auto& m) { return m.first == column.name; });
    const std::string header = it == input.mapping.end() ? "" : std::string(trim(it->second));
    const std::string field = "map_" + column.name;
    if (header.empty()) {
      errors.push_back({field, with_particle(column.label, "을/를") + " 담은 열을 골라 주십시오."});
    } else if (std::find(headers.begin(), headers.end(), header) == headers.end()) {
      errors.push_back({field, "파일에 없는 열입니다. 목록에서 골라 주십시오."});
    } else if (!used.insert(header).second) {
      errors.push_back({field, "한 열을 두 항목에 쓸 수 없습니다."});
    } else {
      out.mapping.push_back({header, column.name, column.kind});
    }
  }
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

std::vector<std::pair<std::string, std::string>> suggest_mapping(const linkage::RoleSchema& kind,
                                                                 const std::vector<std::string>& headers) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& column : kind.columns) {
    std::string found;
    for (const auto& name : {column.sample_header, column.label, column.name}) {
      const auto wanted = comparable(name);
      const auto it = std::find_if(headers.begin(), headers.end(),
                                   [&](const std::string& h) { return comparable(h) == wanted; });
      if (it != headers.end()) {
        found = *it;
        break;
      }
    }
    out.emplace_back(column.name, found);
  }
  return out;
}

std::string describe_mapping(const linkage::RoleSchema& kind,
                             const std::vector<linkage::ColumnMapping>& mapping) {
  std::string out;
  for (const auto& m : mapping) {
    std::string label = m.name;
    for (const auto& column : kind.columns)
      if (column.name == m.name) label = column.label;
    if (!out.empty()) out += ", ";
    out += label + " ← " + m.source_header;
  }
  return out;
}

}  // namespace sotong::audit
