// Use cases of one meeting: its agenda (proposals, matters due for review from other modules, the
// secretariat's acceptance, order and publication), its minutes and decisions (a reviewed matter's decision
// handed back to its source), and action items rolled over to the body's next meeting until done.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "modules/meetings/meeting.hpp"
#include "modules/meetings/meeting_rules.hpp"
#include "platform/attachments/attachments.hpp"
#include "platform/policy.hpp"
#include "platform/review_sources.hpp"
#include "platform/service_context.hpp"

namespace sotong::meetings {

struct MeetingPage {
  Body body;
  Meeting meeting;
  std::vector<AgendaEntry> entries;  // what the actor may see: all for the secretariat, else accepted ones
  std::vector<ActionItem> actions;   // shown with the minutes
  std::map<std::int64_t, std::string> names;    // organisation id → name, for presenters and owners
  std::vector<platform::ReviewItem> suggested;  // due for review and not yet on the agenda (secretariat)
  /// Each shown entry's files (platform attachments of owner type kEntryOwnerType), and the entries whose
  /// files this person may add and remove.
  std::map<std::int64_t, std::vector<platform::attachments::Attachment>> files;
  std::set<std::int64_t> files_changeable;
  bool may_run = false;
  bool may_propose = false;
  bool show_minutes = false;
};
/// The meeting as the actor may see it; not_found for a body it does not sit on, a meeting not yet
/// published (unless the secretariat) — and nothing of the draft minutes leaks (show_minutes false).
Result<MeetingPage> get_meeting(const platform::ServiceContext& svc, std::int64_t id);

/// An agenda entry's files are platform attachments of this owner type.
inline constexpr const char* kEntryOwnerType = "meeting_entry";
/// Whether the actor sees an entry (and so its files), and may also add and remove its files
/// (may_manage_entry_files): the attachments owner's permits and permits_change.
bool may_see_entry(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                   std::int64_t entry_id);
bool may_change_entry_files(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                            std::int64_t entry_id);

/// The meeting an entry belongs to, when the actor may see that meeting; not_found otherwise.
Result<std::int64_t> meeting_of_entry(const platform::ServiceContext& svc, std::int64_t entry_id);

/// A bureau's or a member's proposal (the secretariat's own goes straight onto the agenda). Only while the
/// agenda is open.
Result<std::int64_t> propose_entry(const platform::ServiceContext& svc, std::int64_t meeting_id,
                                   const EntryInput& input);
/// Puts a matter due for review (from `source`, e.g. "suggestions") on the agenda; the secretariat only, and
/// only an item the source lists as due at the body's level before the meeting.
Result<std::int64_t> add_review_entry(const platform::ServiceContext& svc, std::int64_t meeting_id,
                                      const std::string& source, std::optional<std::int64_t> item_id);
/// The secretariat accepts or declines a proposed entry.
Result<void> decide_entry(const platform::ServiceContext& svc, std::int64_t entry_id, EntryStatus status);
/// The secretariat moves an entry one place up (-1) or down (+1).
Result<void> move_agenda_entry(const platform::ServiceContext& svc, std::int64_t entry_id, int direction);
/// Publishes the agenda and notifies the member organisations' people.
Result<void> publish_agenda(const platform::ServiceContext& svc, std::int64_t meeting_id);

struct MinutesInput {
  std::string discussion;
  std::string decision;
  std::string action;       // a kDecisionActions code, for a reviewed matter
  std::string next_review;  // YYYY-MM-DD or empty
};
/// Writes an entry's discussion and decision once the meeting's day has come (the meeting is then held).
/// For a reviewed matter the decision is first handed to its source; the source's refusal comes back
/// unchanged and nothing is written here either.
Result<void> record_minutes(const platform::ServiceContext& svc, std::int64_t entry_id,
                            const MinutesInput& input);
/// Adds an action item to an entry of a held meeting; it comes back on the body's next meeting until done.
Result<std::int64_t> add_action_item(const platform::ServiceContext& svc, std::int64_t entry_id,
                                     const ActionInput& input);
/// Marks an action item done: its owner organisation or the secretariat.
Result<void> complete_action_item(const platform::ServiceContext& svc, std::int64_t action_id);
/// Confirms (확정) the minutes: read-only from then on and visible to the members; open action items roll
/// over to the body's next meeting.
Result<void> confirm_minutes(const platform::ServiceContext& svc, std::int64_t meeting_id);

}  // namespace sotong::meetings
