// Pure rules of 정책협력 워크숍 (workshops): what a session, a case presentation and a collected opinion must
// hold, who may do what with a workshop meeting at which point of its life, and when an opinion may still be
// turned into a suggestion. No I/O, so unit tests call them directly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "modules/meetings/meeting.hpp"
#include "modules/meetings/meeting_workshop.hpp"

namespace sotong::meetings {

inline constexpr std::size_t kNameMaxChars = 100;

struct SessionInput {
  std::string title;
  std::string starts_at;  // HH:MM, as typed
  std::string ends_at;
  std::string moderator;
};
/// Title (≤ 200 characters), a start and an end as HH:MM with the start before the end, a moderator of at
/// most 100 characters (may be empty); Korean field errors otherwise.
Result<WorkshopSession> validate_session(const SessionInput& input);

struct PresentationInput {
  std::string title;
  std::optional<std::int64_t> organization_id;  // the presenting organisation, one of the body's
  std::string presenter;
  std::string summary;
};
/// Title, the presenting organisation among `allowed` (the body's organisations), a presenter's name
/// (≤ 100 characters) and a summary (≤ 4,000 characters, may be empty).
Result<Presentation> validate_presentation(const PresentationInput& input,
                                           const std::vector<std::int64_t>& allowed);

struct OpinionInput {
  std::string title;
  std::string content;
  std::string domain;                                      // a kPolicyDomains code
  std::vector<std::optional<std::int64_t>> organizations;  // as posted; each must be among `allowed`
};
/// Title (the opinion's gist), content (required, ≤ 4,000 characters), a known policy domain and at least
/// one organisation, each among `allowed`; duplicates are dropped, the order kept.
Result<Opinion> validate_opinion(const OpinionInput& input, const std::vector<std::int64_t>& allowed);

/// What a person may do with one workshop meeting now, from who they are and where the meeting stands.
struct WorkshopRights {
  bool edit_program = false;          // sessions and presentations: add, edit, remove, accept
  bool propose_presentation = false;  // a member proposes a case presentation
  bool record_opinion = false;        // the secretariat writes down an opinion from any organisation
  bool submit_opinion = false;        // a member submits its own organisation's opinion
  bool turn_opinions = false;         // the secretariat turns opinions into suggestions
};
/// The secretariat (or the coordinator) shapes the programme until the minutes are confirmed; a member
/// organisation proposes presentations until the meeting is held; opinions are collected from the
/// meeting's day on, by the secretariat and from the members; the secretariat turns them into suggestions.
/// Nothing of a cancelled meeting.
WorkshopRights workshop_rights(bool secretariat, bool member, MeetingState state, CivilDate on,
                               CivilDate today);

/// Files of a presentation are added and removed by those who shape the programme and by the organisation
/// that proposed it while it may still propose (`own`: the organisation the actor speaks for on the body).
bool may_manage_presentation_files(const WorkshopRights& rights, std::optional<std::int64_t> own,
                                   std::int64_t proposer_id);

/// Whether `opinion` may be turned into a suggestion: a Korean conflict when it already was (it is turned
/// once, and its link is kept).
Result<void> check_turn(const Opinion& opinion);

}  // namespace sotong::meetings
