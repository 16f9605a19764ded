// The records of 회의 (meetings): standing bodies (회의체) and their members, the meetings a body holds, the
// entries of each agenda (안건) and the action items (조치사항) a meeting hands out; with the closed lists of
// their codes and Korean labels.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/vocabulary.hpp"

namespace sotong::meetings {

enum class BodyKind { council, regular, working, workshop };
inline constexpr std::array<Term<BodyKind>, 4> kBodyKinds = {{
    {BodyKind::council, "council", "협의회"},
    {BodyKind::regular, "regular", "정례회의"},
    {BodyKind::working, "working", "실무협의회"},
    {BodyKind::workshop, "workshop", "워크숍"},
}};

enum class MemberRole { member, chair, secretariat };
inline constexpr std::array<Term<MemberRole>, 3> kMemberRoles = {{
    {MemberRole::member, "member", "위원"},
    {MemberRole::chair, "chair", "의장"},
    {MemberRole::secretariat, "secretariat", "간사"},
}};

enum class MeetingState { planned, agenda_published, held, minutes_confirmed, cancelled };
inline constexpr std::array<Term<MeetingState>, 5> kMeetingStates = {{
    {MeetingState::planned, "planned", "예정"},
    {MeetingState::agenda_published, "agenda_published", "안건 공개"},
    {MeetingState::held, "held", "개최"},
    {MeetingState::minutes_confirmed, "minutes_confirmed", "회의록 확정"},
    {MeetingState::cancelled, "cancelled", "취소"},
}};

enum class EntrySource { review, proposal, rollover };
inline constexpr std::array<Term<EntrySource>, 3> kEntrySources = {{
    {EntrySource::review, "review", "점검 대상"},
    {EntrySource::proposal, "proposal", "제안 안건"},
    {EntrySource::rollover, "rollover", "추진상황 점검"},
}};

enum class EntryStatus { proposed, accepted, declined };
inline constexpr std::array<Term<EntryStatus>, 3> kEntryStatuses = {{
    {EntryStatus::proposed, "proposed", "제안됨"},
    {EntryStatus::accepted, "accepted", "채택"},
    {EntryStatus::declined, "declined", "제외"},
}};

struct BodyMember {
  std::int64_t organization_id = 0;
  std::optional<std::int64_t> account_id;
  MemberRole role = MemberRole::member;
  std::string organization_name;  // from the platform's directory
  std::string organization_path;
};

struct BlockedDate {
  std::int64_t organization_id = 0;
  CivilDate date{};
  std::string reason;
};

struct Body {
  std::int64_t id = 0;
  std::string code;  // stable seed key ("policy_council")
  std::string name;
  BodyKind kind = BodyKind::regular;
  std::string cadence;       // meeting_cadence.hpp storage code
  std::string review_level;  // review level of matters put before it; empty for none
  bool visiting = false;
  std::int64_t secretariat_id = 0;
  std::string chair;
  std::string start_time = "14:00";
  std::int64_t duration_minutes = 120;
  std::string location;
  bool active = true;
  // Filled in from the platform's directory.
  std::string secretariat_name;
  std::string secretariat_path;
  std::vector<BodyMember> members;
};

struct Meeting {
  std::int64_t id = 0;
  std::int64_t body_id = 0;
  std::string title;
  CivilDate date{};
  std::string start_time;
  std::string end_time;
  std::string location;
  std::optional<std::int64_t> host_id;
  std::string host_reason;
  bool host_pinned = false;
  std::string moved_from;  // ISO date the cadence named, when a holiday moved it
  std::string move_reason;
  MeetingState state = MeetingState::planned;
  std::string cancel_reason;
  std::int64_t sequence = 0;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
  std::string host_name;  // from the directory
};

struct AgendaEntry {
  std::int64_t id = 0;
  std::int64_t meeting_id = 0;
  std::int64_t position = 0;
  std::string title;
  std::optional<std::int64_t> presenter_id;
  std::int64_t duration_minutes = 10;
  EntrySource source = EntrySource::proposal;
  std::string source_code;  // the review source ("suggestions")
  std::int64_t item_id = 0;
  std::int64_t action_item_id = 0;
  EntryStatus status = EntryStatus::proposed;
  std::int64_t proposer_id = 0;
  std::string discussion;
  std::string decision;
  std::string decision_action;
  std::string decision_outcome;  // the source's refusal, in Korean; empty when none
  Timestamp created_at = 0;
};

enum class ActionStatus { open, done };
inline constexpr std::array<Term<ActionStatus>, 2> kActionStatuses = {{
    {ActionStatus::open, "open", "추진 중"},
    {ActionStatus::done, "done", "완료"},
}};

struct ActionItem {
  std::int64_t id = 0;
  std::int64_t meeting_id = 0;
  std::int64_t agenda_entry_id = 0;
  std::string title;
  std::int64_t owner_id = 0;
  std::optional<std::int64_t> owner_account_id;
  CivilDate due{};
  ActionStatus status = ActionStatus::open;
  std::optional<Timestamp> done_at;
  Timestamp created_at = 0;
};

/// A meeting's page.
inline std::string meeting_href(std::int64_t id) {
  return "/meetings/" + std::to_string(id);
}

}  // namespace sotong::meetings
