#include "modules/audit/field_audit_rules.hpp"

#include <string>
#include <utility>
#include <vector>

#include "core/korean_text.hpp"

namespace sotong::audit {

Result<ValidFieldAudit> validate_field_audit(const FieldAuditInput& input) {
  std::vector<FieldError> errors;
  ValidFieldAudit out;
  // clean_line trims, composes conjoining jamo (as some input methods send them) and drops control
  // characters; the limit is checked afterwards, on what will be stored.
  if (!clean_line(input.title, out.title)) {
    errors.push_back({"title", "제목에 읽을 수 없는 문자가 있습니다. 다시 입력해 주십시오."});
  } else if (out.title.empty()) {
    errors.push_back({"title", "제목을 입력해 주십시오."});
  } else if (char_count(out.title) > kTitleMaxChars) {
    errors.push_back({"title", "제목은 " + std::to_string(kTitleMaxChars) + "자 이하로 입력해 주십시오."});
  }
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

}  // namespace sotong::audit
