#include "modules/meetings/meeting_agenda_service.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "core/korean_text.hpp"
#include "modules/meetings/meeting_attendance_service.hpp"
#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meeting_store.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/history/history.hpp"
#include "platform/notifications/notifications.hpp"

namespace sotong::meetings {
namespace {

using platform::history::Fields;
using platform::history::to_json;

/// A meeting with its body, loaded in the caller's transaction; not_found unless the actor may open it.
struct Loaded {
  Body body;
  Meeting meeting;
  platform::OrganizationDirectory directory;
};
Result<Loaded> load(const platform::Policy& policy, const Actor& actor, store::Connection& c,
                    std::int64_t meeting_id) {
  auto meeting = meeting_store::find_meeting(c, meeting_id);
  if (!meeting) return Error::not_found(kNotFound);
  auto directory = platform::OrganizationDirectory::load(c);
  auto body = load_body(c, directory, meeting->body_id);
  if (!body || !can_view_meeting(policy, actor, *body, *meeting)) return Error::not_found(kNotFound);
  return Loaded{std::move(*body), std::move(*meeting), std::move(directory)};
}
Result<Loaded> load(const platform::ServiceContext& svc, store::Connection& c, std::int64_t meeting_id) {
  return load(svc.policy, svc.actor, c, meeting_id);
}

/// Whether an entry was proposed by the actor's own organisation (the secretariat's proposals are its own
/// agenda, never "own" in this sense).
bool own_proposal(const Loaded& loaded, const Actor& actor, const AgendaEntry& e, bool secretariat) {
  const auto* proposer = loaded.directory.find(e.proposer_id);
  return proposer != nullptr && works_in(actor, proposer->path) && !secretariat;
}

/// Whether the actor sees an entry: the secretariat every one; before publication a member only what its
/// own organisation proposed; after, the accepted agenda.
bool entry_visible(const Loaded& loaded, const platform::Policy& policy, const Actor& actor,
                   const AgendaEntry& e, bool secretariat) {
  if (secretariat) return true;
  if (agenda_visible(policy, actor, loaded.body, loaded.meeting)) return e.status == EntryStatus::accepted;
  return own_proposal(loaded, actor, e, secretariat);
}

/// As load, for the secretariat's changes: anyone else is told it is not there (a 시·군 learns nothing).
Result<Loaded> load_for_secretariat(const platform::ServiceContext& svc, store::Connection& c,
                                    std::int64_t meeting_id) {
  auto loaded = load(svc, c, meeting_id);
  if (!loaded) return loaded.error();
  if (!is_secretariat(svc.policy, svc.actor, loaded->body))
    return Error::forbidden("회의체의 간사 기관이나 시·군정책협력담당만 할 수 있습니다.");
  return loaded;
}

Result<std::pair<AgendaEntry, Loaded>> entry_for_secretariat(const platform::ServiceContext& svc,
                                                             store::Connection& c, std::int64_t entry_id) {
  auto entry = meeting_store::find_entry(c, entry_id);
  if (!entry) return Error::not_found(kNotFound);
  auto loaded = load_for_secretariat(svc, c, entry->meeting_id);
  if (!loaded) return loaded.error();
  return std::make_pair(std::move(*entry), std::move(*loaded));
}

Fields entry_fields(const AgendaEntry& e) {
  return {{"meeting_id", e.meeting_id},
          {"title", e.title},
          {"position", e.position},
          {"status", std::string(code_of<EntryStatus>(kEntryStatuses, e.status))},
          {"discussion", e.discussion},
          {"decision", e.decision},
          {"decision_action", e.decision_action}};
}

void record_entry(store::Connection& c, const Actor& actor, const std::string& action,
                  const std::optional<AgendaEntry>& before, const AgendaEntry& after) {
  platform::history::record_change(
      c, actor,
      {"meeting_agenda_entry", after.id, action, before ? to_json(entry_fields(*before)) : "",
       to_json(entry_fields(after))});
}

void change_state(store::Connection& c, const Actor& actor, const Meeting& meeting, MeetingState to) {
  if (meeting.state == to) return;
  meeting_store::update_state(c, meeting.id, to, now());
  platform::history::record_change(
      c, actor,
      {"meeting", meeting.id, "state",
       to_json({{"state", std::string(code_of<MeetingState>(kMeetingStates, meeting.state))}}),
       to_json({{"state", std::string(code_of<MeetingState>(kMeetingStates, to))}})});
}

/// Puts the body's unfinished action items on its next unheld meeting after `after` as 추진상황 점검 entries
/// (accepted, presented by the owner), each once.
void roll_over_to_next(store::Connection& c, const Actor& actor, const Body& body, CivilDate after) {
  std::optional<Meeting> next;
  for (auto& m : meeting_store::meetings_of(c, body.id))
    if (days_from_civil(m.date) > days_from_civil(after) && m.state == MeetingState::planned) {
      next = std::move(m);
      break;
    }
  if (!next) return;
  std::vector<OpenItem> items;
  std::map<std::int64_t, ActionItem> by_id;
  for (auto& [item, date] : meeting_store::actions_of_body(c, body.id)) {
    items.push_back({item.id, date, item.status});
    by_id.emplace(item.id, std::move(item));
  }
  std::vector<std::int64_t> present;
  for (const auto& e : meeting_store::entries_of(c, next->id))
    if (e.source == EntrySource::rollover) present.push_back(e.action_item_id);
  for (const auto id : rollover_items(items, next->date, present)) {
    const auto& item = by_id.at(id);
    AgendaEntry e;
    e.meeting_id = next->id;
    e.title = "추진상황 점검: " + item.title;
    e.presenter_id = item.owner_id;
    e.source = EntrySource::rollover;
    e.action_item_id = id;
    e.status = EntryStatus::accepted;
    e.proposer_id = body.secretariat_id;
    e.id = meeting_store::insert_entry(c, e, now());
    record_entry(c, actor, "rollover", std::nullopt, e);
  }
}

Result<CivilDate> read_next_review(const std::string& text) {
  if (trim(text).empty()) return CivilDate{0, 0, 0};
  auto date = parse_date(trim(text));
  if (!date)
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"next_review", "다음 점검일을 2026-12-31처럼 입력해 주십시오."}});
  return *date;
}

}  // namespace

Result<MeetingPage> get_meeting(const platform::ServiceContext& svc, std::int64_t id) {
  if (auto ok = svc.policy.check(svc.actor, kView, svc.actor.organization_path); !ok) return ok.error();
  auto page = svc.db.read([&](store::Connection& c) -> Result<MeetingPage> {
    auto loaded = load(svc, c, id);
    if (!loaded) return loaded.error();
    MeetingPage page;
    page.may_run = is_secretariat(svc.policy, svc.actor, loaded->body);
    page.may_propose = can_propose(svc.policy, svc.actor, loaded->body) && agenda_open(loaded->meeting.state);
    page.show_minutes = can_view_minutes(svc.policy, svc.actor, loaded->body, loaded->meeting) &&
                        (loaded->meeting.state == MeetingState::held ||
                         loaded->meeting.state == MeetingState::minutes_confirmed ||
                         (page.may_run && loaded->meeting.state == MeetingState::agenda_published));
    for (auto& e : meeting_store::entries_of(c, id)) {
      if (!entry_visible(*loaded, svc.policy, svc.actor, e, page.may_run)) continue;
      // Each entry's files, and whether this person may add and remove them.
      page.files[e.id] = platform::attachments::list(c, kEntryOwnerType, e.id);
      if (may_manage_entry_files(page.may_run, own_proposal(*loaded, svc.actor, e, page.may_run),
                                 loaded->meeting.state))
        page.files_changeable.insert(e.id);
      page.entries.push_back(std::move(e));
    }
    if (page.show_minutes) page.actions = meeting_store::actions_of_meeting(c, id);
    for (const auto& o : loaded->directory.all()) page.names[o.id] = o.name;
    page.body = std::move(loaded->body);
    page.meeting = std::move(loaded->meeting);
    return page;
  });
  if (!page || !page->may_run || !agenda_open(page->meeting.state) || page->body.review_level.empty())
    return page;
  // Matters due at the body's level on or before the meeting, asked of each source as the secretariat's
  // person (the source applies its own visibility), without those already on the agenda.
  std::set<std::pair<std::string, std::int64_t>> present;
  for (const auto& e : page->entries)
    if (e.source == EntrySource::review) present.insert({e.source_code, e.item_id});
  for (const auto& source : platform::review_sources()) {
    auto due = source.due_for_review(svc, page->body.review_level, page->meeting.date);
    if (!due) continue;  // a source that does not know the level has nothing for this body
    for (auto& item : *due)
      if (!present.contains({source.code, item.id})) page->suggested.push_back(std::move(item));
  }
  return page;
}

namespace {

/// An entry the actor sees, with its meeting and whether the actor is its secretariat; nullopt otherwise.
struct SeenEntry {
  AgendaEntry entry;
  Loaded loaded;
  bool secretariat = false;
};
std::optional<SeenEntry> seen_entry(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                                    std::int64_t entry_id) {
  auto entry = meeting_store::find_entry(c, entry_id);
  if (!entry) return std::nullopt;
  auto loaded = load(policy, actor, c, entry->meeting_id);
  if (!loaded) return std::nullopt;
  const bool secretariat = is_secretariat(policy, actor, loaded->body);
  if (!entry_visible(*loaded, policy, actor, *entry, secretariat)) return std::nullopt;
  return SeenEntry{std::move(*entry), std::move(*loaded), secretariat};
}

}  // namespace

bool may_see_entry(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                   std::int64_t entry_id) {
  return seen_entry(c, policy, actor, entry_id).has_value();
}

bool may_change_entry_files(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                            std::int64_t entry_id) {
  const auto seen = seen_entry(c, policy, actor, entry_id);
  return seen && may_manage_entry_files(seen->secretariat,
                                        own_proposal(seen->loaded, actor, seen->entry, seen->secretariat),
                                        seen->loaded.meeting.state);
}

Result<std::int64_t> meeting_of_entry(const platform::ServiceContext& svc, std::int64_t entry_id) {
  return svc.db.read([&](store::Connection& c) -> Result<std::int64_t> {
    const auto entry = meeting_store::find_entry(c, entry_id);
    if (!entry) return Error::not_found(kNotFound);
    auto loaded = load(svc, c, entry->meeting_id);
    if (!loaded) return loaded.error();
    return entry->meeting_id;
  });
}

Result<std::int64_t> propose_entry(const platform::ServiceContext& svc, std::int64_t meeting_id,
                                   const EntryInput& input) {
  if (auto ok = svc.policy.check(svc.actor, kPropose, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    auto loaded = load(svc, c, meeting_id);
    if (!loaded) return loaded.error();
    if (!can_propose(svc.policy, svc.actor, loaded->body))
      return Error::forbidden("이 회의체의 위원 기관이나 실국만 안건을 제안할 수 있습니다.");
    if (!agenda_open(loaded->meeting.state))
      return Error::conflict("안건을 공개한 뒤에는 안건을 제안할 수 없습니다.");
    auto valid = validate_entry(input);
    if (!valid) return valid.error();
    AgendaEntry e;
    e.meeting_id = meeting_id;
    e.title = valid->title;
    e.presenter_id = valid->presenter_id.value_or(svc.actor.organization_id);
    e.duration_minutes = valid->duration_minutes;
    e.source = EntrySource::proposal;
    e.status =
        is_secretariat(svc.policy, svc.actor, loaded->body) ? EntryStatus::accepted : EntryStatus::proposed;
    e.proposer_id = svc.actor.organization_id;
    e.id = meeting_store::insert_entry(c, e, now());
    record_entry(c, svc.actor, "create", std::nullopt, e);
    return e.id;
  });
}

Result<std::int64_t> add_review_entry(const platform::ServiceContext& svc, std::int64_t meeting_id,
                                      const std::string& source_code, std::optional<std::int64_t> item_id) {
  if (auto ok = svc.policy.check(svc.actor, kRun, svc.actor.organization_path); !ok) return ok.error();
  auto page = get_meeting(svc, meeting_id);
  if (!page) return page.error();
  if (!page->may_run) return Error::forbidden("회의체의 간사 기관이나 시·군정책협력담당만 할 수 있습니다.");
  if (!agenda_open(page->meeting.state))
    return Error::conflict("안건을 공개한 뒤에는 안건을 더할 수 없습니다.");
  const auto due = std::find_if(
      page->suggested.begin(), page->suggested.end(),
      [&](const platform::ReviewItem& i) { return i.source == source_code && item_id && i.id == *item_id; });
  if (due == page->suggested.end())
    return Error::conflict("이 회의 전에 점검할 항목이 아니거나 이미 안건에 있습니다.");
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    auto loaded = load_for_secretariat(svc, c, meeting_id);
    if (!loaded) return loaded.error();
    AgendaEntry e;
    e.meeting_id = meeting_id;
    e.title = due->title;
    e.duration_minutes = 10;
    e.source = EntrySource::review;
    e.source_code = due->source;
    e.item_id = due->id;
    e.status = EntryStatus::accepted;
    e.proposer_id = loaded->body.secretariat_id;
    e.id = meeting_store::insert_entry(c, e, now());
    record_entry(c, svc.actor, "create", std::nullopt, e);
    return e.id;
  });
}

Result<void> decide_entry(const platform::ServiceContext& svc, std::int64_t entry_id, EntryStatus status) {
  if (auto ok = svc.policy.check(svc.actor, kRun, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto found = entry_for_secretariat(svc, c, entry_id);
    if (!found) return found.error();
    auto& [entry, loaded] = *found;
    if (!agenda_open(loaded.meeting.state))
      return Error::conflict("안건을 공개한 뒤에는 안건을 바꿀 수 없습니다.");
    if (entry.status == status) return {};
    const auto before = entry;
    entry.status = status;
    meeting_store::update_entry_status(c, entry.id, status);
    record_entry(c, svc.actor, "update", before, entry);
    return {};
  });
}

Result<void> move_agenda_entry(const platform::ServiceContext& svc, std::int64_t entry_id, int direction) {
  if (auto ok = svc.policy.check(svc.actor, kRun, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto found = entry_for_secretariat(svc, c, entry_id);
    if (!found) return found.error();
    const auto& [entry, loaded] = *found;
    if (!agenda_open(loaded.meeting.state))
      return Error::conflict("안건을 공개한 뒤에는 순서를 바꿀 수 없습니다.");
    auto entries = meeting_store::entries_of(c, entry.meeting_id);
    std::vector<std::int64_t> ids;
    std::size_t at = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      ids.push_back(entries[i].id);
      if (entries[i].id == entry_id) at = i;
    }
    const auto moved = move_entry(ids, at, direction);
    // Positions are written 1…n, so that the order is always exactly the list's.
    for (std::size_t i = 0; i < moved.size(); ++i) {
      const auto position = static_cast<std::int64_t>(i + 1);
      auto& e = *std::find_if(entries.begin(), entries.end(),
                              [&](const AgendaEntry& x) { return x.id == moved[i]; });
      if (e.position == position) continue;
      const auto before = e;
      e.position = position;
      meeting_store::update_entry_position(c, e.id, position);
      record_entry(c, svc.actor, "move", before, e);
    }
    return {};
  });
}

Result<void> publish_agenda(const platform::ServiceContext& svc, std::int64_t meeting_id) {
  if (auto ok = svc.policy.check(svc.actor, kRun, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto loaded = load_for_secretariat(svc, c, meeting_id);
    if (!loaded) return loaded.error();
    auto next = apply_step(loaded->meeting.state, Step::publish_agenda, loaded->meeting.date, seoul_today());
    if (!next) return next.error();
    change_state(c, svc.actor, loaded->meeting, *next);
    invite_members(c, svc.actor, loaded->body, meeting_id);
    // The people of every member organisation are told, in the same transaction as the publication — unless
    // the meeting's day has passed (an agenda recorded afterwards, as the demo's year is): nothing is left to
    // come to, and a notice would only crowd their inbox.
    const bool still_ahead =
        platform::calendar::day_number(loaded->meeting.date) >= platform::calendar::day_number(seoul_today());
    for (const auto& m : still_ahead ? loaded->body.members : std::vector<BodyMember>{}) {
      platform::account_store::Filter filter;
      filter.organization_id = m.organization_id;
      filter.active = true;
      for (const auto& account : platform::account_store::list(c, filter))
        platform::notifications::notify(
            c, account.id, "회의 안건이 공개되었습니다",
            loaded->meeting.title + " (" +
                platform::calendar::format_date_with_weekday(loaded->meeting.date) + ")",
            meeting_href(meeting_id));
    }
    return {};
  });
}

Result<void> record_minutes(const platform::ServiceContext& svc, std::int64_t entry_id,
                            const MinutesInput& input) {
  if (auto ok = svc.policy.check(svc.actor, kRun, svc.actor.organization_path); !ok) return ok.error();
  std::vector<FieldError> errors;
  std::string discussion, decision;
  if (!clean_text(input.discussion, discussion) || char_count(discussion) > kTextMaxChars)
    errors.push_back({"discussion", "논의 내용은 4,000자 이하로 입력해 주십시오."});
  if (!clean_text(input.decision, decision) || decision.empty() || char_count(decision) > kTextMaxChars)
    errors.push_back({"decision", "결정 내용을 4,000자 이하로 입력해 주십시오."});
  if (!known_decision_action(trim(input.action)))
    errors.push_back({"action", "목록에 있는 처리를 골라 주십시오."});
  auto next_review = read_next_review(input.next_review);
  if (!next_review) return next_review.error();
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  // Checked first on our side, so that the source is asked only for a decision we can then keep.
  auto checked = svc.db.read([&](store::Connection& c) -> Result<std::pair<AgendaEntry, Loaded>> {
    auto found = entry_for_secretariat(svc, c, entry_id);
    if (!found) return found.error();
    if (auto next = apply_step(found->second.meeting.state, Step::record_minutes, found->second.meeting.date,
                               seoul_today());
        !next)
      return next.error();
    if (found->first.status != EntryStatus::accepted)
      return Error::conflict("채택한 안건에만 회의록을 적습니다.");
    if (found->first.source == EntrySource::review && !found->first.decision.empty())
      return Error::conflict("이 안건의 결정은 이미 건의사항에 기록했습니다.");
    return found;
  });
  if (!checked) return checked.error();
  const auto& [entry, loaded] = *checked;
  if (entry.source == EntrySource::review) {
    const auto source = platform::review_source(entry.source_code);
    if (!source) return Error::conflict("이 안건을 보낸 기능을 찾을 수 없습니다.");
    platform::ReviewDecision d;
    d.meeting = loaded.meeting.title;
    d.summary = discussion.empty() ? decision : discussion + "\n" + decision;
    d.action = std::string(trim(input.action));
    d.reason = decision;
    if (next_review->year != 0) d.next_review = *next_review;
    // The source's own transaction and rules; its refusal (in Korean) comes back as it is, and then
    // nothing is written here either.
    if (auto written = source->record_decision(svc, entry.item_id, d); !written) return written.error();
  }
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto again = entry_for_secretariat(svc, c, entry_id);
    if (!again) return again.error();
    auto after = again->first;
    after.discussion = discussion;
    after.decision = decision;
    after.decision_action = std::string(trim(input.action));
    meeting_store::update_entry_minutes(c, after);
    record_entry(c, svc.actor, "minutes", again->first, after);
    change_state(c, svc.actor, again->second.meeting, MeetingState::held);
    return {};
  });
}

Result<std::int64_t> add_action_item(const platform::ServiceContext& svc, std::int64_t entry_id,
                                     const ActionInput& input) {
  if (auto ok = svc.policy.check(svc.actor, kRun, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    auto found = entry_for_secretariat(svc, c, entry_id);
    if (!found) return found.error();
    const auto& [entry, loaded] = *found;
    if (loaded.meeting.state != MeetingState::held)
      return Error::conflict("조치사항은 회의를 연 뒤 회의록을 확정하기 전에 더합니다.");
    auto valid = validate_action(input, loaded.meeting.date);
    if (!valid) return valid.error();
    if (loaded.directory.find(valid->owner_id) == nullptr)
      return Error::invalid("입력 내용을 확인해 주십시오.", {{"owner", "조치할 기관을 골라 주십시오."}});
    ActionItem a;
    a.meeting_id = loaded.meeting.id;
    a.agenda_entry_id = entry.id;
    a.title = valid->title;
    a.owner_id = valid->owner_id;
    a.due = valid->due;
    a.id = meeting_store::insert_action(c, a, now());
    platform::history::record_change(c, svc.actor,
                                     {"meeting_action_item", a.id, "create", "",
                                      to_json({{"title", a.title},
                                               {"owner_id", a.owner_id},
                                               {"due", platform::calendar::format_date(a.due)},
                                               {"status", "open"}})});
    roll_over_to_next(c, svc.actor, loaded.body, loaded.meeting.date);
    return a.id;
  });
}

Result<void> complete_action_item(const platform::ServiceContext& svc, std::int64_t action_id) {
  if (auto ok = svc.policy.check(svc.actor, kPropose, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    const auto item = meeting_store::find_action(c, action_id);
    if (!item) return Error::not_found(kNotFound);
    auto loaded = load(svc, c, item->meeting_id);
    if (!loaded) return loaded.error();
    const auto* owner = loaded->directory.find(item->owner_id);
    const bool owns = owner != nullptr && works_in(svc.actor, owner->path);
    if (!owns && !is_secretariat(svc.policy, svc.actor, loaded->body)) {
      if (!can_view_minutes(svc.policy, svc.actor, loaded->body, loaded->meeting))
        return Error::not_found(kNotFound);
      return Error::forbidden("조치할 기관이나 간사 기관만 완료로 바꿀 수 있습니다.");
    }
    if (item->status == ActionStatus::done) return Error::conflict("이미 완료한 조치사항입니다.");
    meeting_store::mark_action_done(c, action_id, now());
    platform::history::record_change(c, svc.actor,
                                     {"meeting_action_item", action_id, "done", to_json({{"status", "open"}}),
                                      to_json({{"status", "done"}})});
    return {};
  });
}

Result<void> confirm_minutes(const platform::ServiceContext& svc, std::int64_t meeting_id) {
  if (auto ok = svc.policy.check(svc.actor, kRun, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto loaded = load_for_secretariat(svc, c, meeting_id);
    if (!loaded) return loaded.error();
    auto next = apply_step(loaded->meeting.state, Step::confirm_minutes, loaded->meeting.date, seoul_today());
    if (!next) return next.error();
    change_state(c, svc.actor, loaded->meeting, *next);
    roll_over_to_next(c, svc.actor, loaded->body, loaded->meeting.date);
    return {};
  });
}

}  // namespace sotong::meetings
