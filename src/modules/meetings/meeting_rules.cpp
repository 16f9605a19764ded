#include "modules/meetings/meeting_rules.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/korean_text.hpp"

namespace sotong::meetings {
namespace {

void check_title(std::string_view raw, std::string& out, std::vector<FieldError>& errors) {
  // clean_line trims, composes conjoining jamo and drops control characters; the limit is checked on what
  // will be stored.
  if (!clean_line(raw, out))
    errors.push_back({"title", "제목에 읽을 수 없는 문자가 있습니다. 다시 입력해 주십시오."});
  else if (out.empty())
    errors.push_back({"title", "제목을 입력해 주십시오."});
  else if (char_count(out) > kTitleMaxChars)
    errors.push_back({"title", "제목은 " + std::to_string(kTitleMaxChars) + "자 이하로 입력해 주십시오."});
}

bool before(CivilDate a, CivilDate b) {
  return days_from_civil(a) < days_from_civil(b);
}

}  // namespace

Result<MeetingState> apply_step(MeetingState state, Step step, CivilDate on, CivilDate today) {
  switch (step) {
    case Step::publish_agenda:
      if (state == MeetingState::planned) return MeetingState::agenda_published;
      return Error::conflict(
          "안건은 예정된 회의에서만 공개할 수 있습니다. 이미 공개했거나 회의가 끝났습니다.");
    case Step::record_minutes:
      if (state != MeetingState::agenda_published && state != MeetingState::held)
        return Error::conflict(
            "회의록은 안건을 공개한 회의에만 적을 수 있고, 확정한 뒤에는 고칠 수 없습니다.");
      if (before(today, on)) return Error::conflict("회의록은 회의 날짜가 지난 뒤에 적을 수 있습니다.");
      return MeetingState::held;
    case Step::confirm_minutes:
      if (state == MeetingState::held) return MeetingState::minutes_confirmed;
      return Error::conflict("회의록은 회의를 연 뒤 한 번만 확정할 수 있습니다.");
  }
  return Error::conflict("할 수 없는 처리입니다.");
}

bool agenda_open(MeetingState state) {
  return state == MeetingState::planned;
}

Result<ValidEntry> validate_entry(const EntryInput& input) {
  std::vector<FieldError> errors;
  ValidEntry out;
  check_title(input.title, out.title, errors);
  out.presenter_id = input.presenter_id;
  const std::string_view duration = trim(input.duration);
  if (!duration.empty()) {
    std::int64_t minutes = 0;
    const auto [end, ec] = std::from_chars(duration.data(), duration.data() + duration.size(), minutes);
    if (ec != std::errc{} || end != duration.data() + duration.size() || minutes < 1 || minutes > 240)
      errors.push_back({"duration", "소요 시간은 1분에서 240분 사이의 숫자로 입력해 주십시오."});
    else
      out.duration_minutes = minutes;
  }
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

Result<ValidAction> validate_action(const ActionInput& input, CivilDate meeting_date) {
  std::vector<FieldError> errors;
  ValidAction out;
  check_title(input.title, out.title, errors);
  if (!input.owner_id || *input.owner_id <= 0)
    errors.push_back({"owner", "조치할 기관을 골라 주십시오."});
  else
    out.owner_id = *input.owner_id;
  const auto due = parse_date(trim(input.due));
  if (!due)
    errors.push_back({"due", "기한을 2026-12-31처럼 입력해 주십시오."});
  else if (before(*due, meeting_date))
    errors.push_back({"due", "기한은 회의 날짜나 그 뒤의 날짜로 입력해 주십시오."});
  else
    out.due = *due;
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

std::vector<std::int64_t> rollover_items(const std::vector<OpenItem>& items, CivilDate date,
                                         const std::vector<std::int64_t>& already_on_agenda) {
  const std::set<std::int64_t> present(already_on_agenda.begin(), already_on_agenda.end());
  std::vector<std::int64_t> out;
  for (const auto& item : items)
    if (item.status == ActionStatus::open && before(item.meeting_date, date) && !present.contains(item.id))
      out.push_back(item.id);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::int64_t> move_entry(std::vector<std::int64_t> ids, std::size_t from, int direction) {
  if (from >= ids.size()) return ids;
  if (direction < 0 && from > 0) std::swap(ids[from], ids[from - 1]);
  if (direction > 0 && from + 1 < ids.size()) std::swap(ids[from], ids[from + 1]);
  return ids;
}

}  // namespace sotong::meetings

namespace sotong::meetings {

bool known_decision_action(std::string_view code) {
  return std::any_of(kDecisionActions.begin(), kDecisionActions.end(),
                     [&](const DecisionAction& a) { return a.code == code; });
}

bool may_manage_entry_files(bool secretariat, bool own_proposal, MeetingState state) {
  if (state == MeetingState::minutes_confirmed || state == MeetingState::cancelled) return false;
  return secretariat || own_proposal;
}

}  // namespace sotong::meetings
