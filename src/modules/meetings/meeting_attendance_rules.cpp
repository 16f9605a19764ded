#include <string>

#include "core/korean_text.hpp"
#include "modules/meetings/meeting_attendance.hpp"

namespace sotong::meetings {
namespace {

bool read_line(const std::string& raw, std::string& out) {
  return clean_line(raw, out) && char_count(out) <= kSubstituteMaxChars;
}

}  // namespace

Result<ValidRsvp> validate_rsvp(const RsvpInput& input) {
  std::vector<FieldError> errors;
  const auto response = from_code<Rsvp>(kRsvps, trim(input.response));
  if (!response || *response == Rsvp::none)
    errors.push_back({"response", "참석, 불참, 대리참석 가운데 하나를 골라 주십시오."});
  ValidRsvp out;
  if (response && *response == Rsvp::substitute) {
    if (!read_line(input.substitute_name, out.substitute_name) || out.substitute_name.empty())
      errors.push_back({"substitute_name", "대리참석자의 이름을 50자 이하로 입력해 주십시오."});
    if (!read_line(input.substitute_position, out.substitute_position) || out.substitute_position.empty())
      errors.push_back({"substitute_position", "대리참석자의 직위를 50자 이하로 입력해 주십시오."});
  }
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  out.response = *response;
  if (out.response != Rsvp::substitute) {
    out.substitute_name.clear();
    out.substitute_position.clear();
  }
  return out;
}

Result<void> rsvp_open(MeetingState state, CivilDate meeting_date, CivilDate today) {
  if (state == MeetingState::cancelled) return Error::conflict("취소된 회의입니다.");
  if (state == MeetingState::planned)
    return Error::conflict("안건을 공개한 뒤에 참석 여부를 알릴 수 있습니다.");
  if (state != MeetingState::agenda_published || days_from_civil(today) > days_from_civil(meeting_date))
    return Error::conflict("회의가 끝나 참석 여부를 바꿀 수 없습니다.");
  return {};
}

Result<void> attendance_open(MeetingState state, CivilDate meeting_date, CivilDate today) {
  if (state == MeetingState::cancelled) return Error::conflict("취소된 회의입니다.");
  if (state == MeetingState::planned) return Error::conflict("안건을 공개하지 않은 회의입니다.");
  if (state == MeetingState::minutes_confirmed)
    return Error::conflict("회의록을 확정한 뒤에는 출석을 바꿀 수 없습니다.");
  if (days_from_civil(today) < days_from_civil(meeting_date))
    return Error::conflict("출석은 회의 당일부터 기록합니다.");
  return {};
}

std::optional<bool> read_attended(std::string_view value) {
  if (value == "yes") return true;
  if (value == "no") return false;
  return std::nullopt;
}

}  // namespace sotong::meetings
