#include "modules/audit/audit_case_rules.hpp"

#include <charconv>
#include <string>
#include <vector>

#include "core/korean_text.hpp"

namespace sotong::audit {
namespace {

void check_field(std::string_view raw, std::string& out, const char* field, const std::string& label,
                 std::size_t max, bool multiline, std::vector<FieldError>& errors) {
  const bool ok = multiline ? clean_text(raw, out) : clean_line(raw, out);
  if (!ok) {
    errors.push_back({field, label + "에 읽을 수 없는 문자가 있습니다. 다시 입력해 주십시오."});
  } else if (out.empty()) {
    errors.push_back({field, with_particle(label, "을/를") + " 입력해 주십시오."});
  } else if (char_count(out) > max) {
    errors.push_back(
        {field, with_particle(label, "은/는") + " " + std::to_string(max) + "자 이하로 입력해 주십시오."});
  }
}

}  // namespace

std::string_view case_type_label(CaseType type) {
  return label_of<CaseType>(kCaseTypes, type);
}
std::string_view case_type_code(CaseType type) {
  return code_of<CaseType>(kCaseTypes, type);
}
std::string_view case_area_label(CaseArea area) {
  return label_of<CaseArea>(kCaseAreas, area);
}
std::string_view case_area_code(CaseArea area) {
  return code_of<CaseArea>(kCaseAreas, area);
}

Result<ValidAuditCase> validate_audit_case(const AuditCaseInput& input, int this_year) {
  std::vector<FieldError> errors;
  ValidAuditCase out;
  check_field(input.title, out.title, "title", "제목", kCaseTitleMax, false, errors);
  if (auto t = from_code<CaseType>(kCaseTypes, trim(input.case_type)))
    out.case_type = *t;
  else
    errors.push_back({"case_type", "비리유형을 목록에서 골라 주십시오."});
  if (auto a = from_code<CaseArea>(kCaseAreas, trim(input.area)))
    out.area = *a;
  else
    errors.push_back({"area", "분야를 목록에서 골라 주십시오."});
  check_field(input.legal_basis, out.legal_basis, "legal_basis", "법적 근거", kCaseLegalBasisMax, false,
              errors);
  check_field(input.summary, out.summary, "summary", "사례 내용", kCaseTextMax, true, errors);
  check_field(input.prevention, out.prevention, "prevention", "예방 조언", kCaseTextMax, true, errors);
  const std::string_view year = trim(input.year);
  int value = 0;
  const auto [end, ec] = std::from_chars(year.data(), year.data() + year.size(), value);
  if (year.empty() || ec != std::errc() || end != year.data() + year.size() || value < kCaseFirstYear ||
      value > this_year)
    errors.push_back({"year", "연도는 " + std::to_string(kCaseFirstYear) + "부터 " +
                                  std::to_string(this_year) + "까지의 숫자로 적어 주십시오."});
  else
    out.year = value;
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

AuditCaseInput draft_case(const Consultation& consultation, const IdentifyingNames& names) {
  AuditCaseInput out;
  out.title = anonymise(consultation.title, names);
  out.case_type = std::string(case_type_code(CaseType::other));
  out.area = std::string(case_area_code(CaseArea::general));
  out.legal_basis = anonymise(consultation.legal_basis, names);
  std::string summary = "[질의] " + consultation.question;
  if (!consultation.law.empty()) summary += "\n[관련 법령] " + consultation.law;
  summary += "\n\n[회신] " + consultation.answer;
  out.summary = anonymise(summary, names);
  out.prevention = "";
  const Timestamp at = consultation.answered_at.value_or(consultation.asked_at);
  out.year = std::to_string(seoul_date(at).year);
  return out;
}

Result<void> check_anonymous(const ValidAuditCase& entry, const IdentifyingNames& names) {
  std::vector<FieldError> errors;
  const std::pair<const char*, const std::string*> fields[] = {{"title", &entry.title},
                                                               {"legal_basis", &entry.legal_basis},
                                                               {"summary", &entry.summary},
                                                               {"prevention", &entry.prevention}};
  for (const auto& [field, text] : fields) {
    const auto found = identifying_names_in(*text, names);
    if (found.empty()) continue;
    std::string list;
    for (const auto& n : found) list += (list.empty() ? "‘" : ", ‘") + n + "’";
    errors.push_back({field, list + " 같은 기관명이나 이름이 남아 있습니다. 지우거나 ○○로 바꿔 주십시오."});
  }
  if (!errors.empty())
    return Error::invalid("감사사례에는 요청 기관과 관련된 사람이 드러나지 않아야 합니다.",
                          std::move(errors));
  return success();
}

}  // namespace sotong::audit
