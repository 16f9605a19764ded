#include "modules/suggestions/suggestion_deadlines.hpp"

#include <vector>

#include "core/korean_text.hpp"

namespace sotong::suggestions {

CivilDate due_date(const platform::calendar::WorkingCalendar& calendar, CivilDate start, int working_days) {
  return calendar.add_working_days(start, working_days);
}

Result<CivilDate> extend_due(int extensions_so_far, CivilDate current_due, CivilDate requested,
                             std::string_view reason) {
  if (extensions_so_far >= kMaxExtensions)
    return Error::conflict("처리 기한은 두 번까지만 연장할 수 있습니다. 이미 두 번 연장한 건의입니다.");
  std::vector<FieldError> errors;
  if (days_from_civil(requested) <= days_from_civil(current_due))
    errors.push_back({"due_date", "새 기한은 지금 기한(" + platform::calendar::format_date(current_due) +
                                      ")보다 뒤여야 합니다."});
  if (trim(reason).empty())
    errors.push_back({"reason", "연장 사유를 적어 주십시오. 사유는 건의한 기관에 알립니다."});
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return requested;
}

Result<CivilDate> due_after_transfer(const platform::calendar::WorkingCalendar& calendar,
                                     std::int64_t from_org, std::int64_t to_org, CivilDate transfer_day,
                                     int working_days, std::string_view reason) {
  std::vector<FieldError> errors;
  if (from_org == to_org)
    errors.push_back({"organization_id", "지금 맡은 기관과 다른 기관을 골라 주십시오."});
  if (trim(reason).empty()) errors.push_back({"reason", "이송 사유를 적어 주십시오."});
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return due_date(calendar, transfer_day, working_days);
}

bool is_overdue(CivilDate due, CivilDate today) {
  return days_from_civil(today) > days_from_civil(due);
}

}  // namespace sotong::suggestions
