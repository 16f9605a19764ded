// Pure rules of 회의 (meetings): the life cycle of a meeting, what an agenda entry and an action item must
// hold, and which unfinished action items come back on a body's next meeting (추진상황 점검). No I/O, so unit
// tests call them directly.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "modules/meetings/meeting.hpp"

namespace sotong::meetings {

inline constexpr std::size_t kTitleMaxChars = 200;
inline constexpr std::size_t kTextMaxChars = 4000;

/// The steps of a meeting's life cycle.
enum class Step { publish_agenda, record_minutes, confirm_minutes };

/// The state `step` leads to from `state` on `today` (the meeting's date `on`), or a Korean refusal
/// (ErrorCode::conflict): the agenda is published only while planned; minutes are recorded once the agenda is
/// published and the meeting's day has come (the meeting is then held); they are confirmed once held.
Result<MeetingState> apply_step(MeetingState state, Step step, CivilDate on, CivilDate today);

/// An agenda entry's files (presentation slides, reports) are added and removed by the secretariat and by the
/// organisation that proposed the entry, until the minutes are confirmed; nothing of a cancelled meeting.
bool may_manage_entry_files(bool secretariat, bool own_proposal, MeetingState state);

/// Whether the agenda still takes proposals and changes (before it is published).
bool agenda_open(MeetingState state);

struct EntryInput {
  std::string title;
  std::optional<std::int64_t> presenter_id;
  std::string duration;  // minutes, as typed
};
struct ValidEntry {
  std::string title;
  std::optional<std::int64_t> presenter_id;
  std::int64_t duration_minutes = 10;
};
/// Title present (NFC, trimmed, ≤ kTitleMaxChars), duration 1–240 minutes (10 when empty); Korean field
/// errors otherwise.
Result<ValidEntry> validate_entry(const EntryInput& input);

struct ActionInput {
  std::string title;
  std::optional<std::int64_t> owner_id;
  std::string due;  // YYYY-MM-DD
};
struct ValidAction {
  std::string title;
  std::int64_t owner_id = 0;
  CivilDate due{};
};
/// Title, an owner organisation and a due date on or after the meeting's date.
Result<ValidAction> validate_action(const ActionInput& input, CivilDate meeting_date);

/// An action item as the roll-over sees it.
struct OpenItem {
  std::int64_t id = 0;
  CivilDate meeting_date{};  // the date of the meeting that handed it out
  ActionStatus status = ActionStatus::open;
};
/// The action items to put on the meeting of `date` as 추진상황 점검 entries: those still open that an
/// earlier meeting of the body handed out, minus those already on that agenda, in id order.
std::vector<std::int64_t> rollover_items(const std::vector<OpenItem>& items, CivilDate date,
                                         const std::vector<std::int64_t>& already_on_agenda);

/// Moves the entry at index `from` one place up (-1) or down (+1) in `ids`; unchanged at an end.
std::vector<std::int64_t> move_entry(std::vector<std::int64_t> ids, std::size_t from, int direction);

}  // namespace sotong::meetings

namespace sotong::meetings {

/// The steps a meeting may decide for a reviewed matter, offered as a short list; the source applies them
/// under its own rules (and refuses those that do not fit the matter's state). Empty code: no step.
struct DecisionAction {
  std::string_view code;
  std::string_view label;
};
inline constexpr std::array<DecisionAction, 4> kDecisionActions = {{
    {"", "상태 변경 없음"},
    {"start_progress", "추진 시작"},
    {"resolve", "해결"},
    {"defer", "장기검토"},
}};
/// True for a code of kDecisionActions.
bool known_decision_action(std::string_view code);

}  // namespace sotong::meetings
