#include "modules/meetings/meeting_figures.hpp"

#include <gtest/gtest.h>

namespace sotong::meetings {
namespace {

Body body(std::int64_t id, std::string name, std::vector<std::int64_t> orgs) {
  Body b;
  b.id = id;
  b.name = std::move(name);
  for (auto o : orgs)
    b.members.push_back({o, std::nullopt, MemberRole::member, "기관" + std::to_string(o), ""});
  return b;
}

Meeting meeting(std::int64_t id, std::int64_t body_id, CivilDate date, MeetingState state) {
  Meeting m;
  m.id = id;
  m.body_id = body_id;
  m.date = date;
  m.state = state;
  return m;
}

AgendaEntry entry(std::int64_t meeting_id, std::int64_t proposer, EntryStatus status,
                  std::string decision = "", EntrySource source = EntrySource::proposal) {
  AgendaEntry e;
  e.meeting_id = meeting_id;
  e.proposer_id = proposer;
  e.status = status;
  e.decision = std::move(decision);
  e.source = source;
  if (source == EntrySource::review) e.source_code = "suggestions";
  return e;
}

ActionItem action(CivilDate due, std::optional<CivilDate> done) {
  ActionItem a;
  a.due = due;
  if (done) {
    a.status = ActionStatus::done;
    a.done_at = seoul_day_start(*done) + 10 * 3600;
  }
  return a;
}

}  // namespace

TEST(MeetingFigures, HeldMeetingsCountPerBodyAndPerMemberOrganisation) {
  FigureInput in;
  in.year = 2026;
  in.today = {2026, 12, 1};
  in.bodies = {body(1, "협의회", {10, 11}), body(2, "실무협의회", {11, 12})};
  in.meetings = {meeting(1, 1, {2026, 3, 5}, MeetingState::minutes_confirmed),
                 meeting(2, 1, {2026, 6, 5}, MeetingState::held),
                 meeting(3, 1, {2026, 9, 5}, MeetingState::cancelled),
                 meeting(4, 2, {2026, 12, 20}, MeetingState::planned),
                 meeting(5, 2, {2025, 12, 20}, MeetingState::held),  // another year
                 meeting(6, 9, {2026, 5, 1}, MeetingState::held)};   // a body not given (not visible)
  in.entries = {entry(1, 10, EntryStatus::accepted), entry(1, 11, EntryStatus::declined),
                entry(2, 11, EntryStatus::accepted, "원안 의결", EntrySource::review),
                entry(2, 12, EntryStatus::accepted, "", EntrySource::review),
                entry(4, 12, EntryStatus::accepted)};  // not held yet
  const auto f = count_figures(in);
  ASSERT_EQ(f.bodies.size(), 2U);
  EXPECT_EQ(f.bodies[0].held, 2);
  EXPECT_EQ(f.bodies[0].confirmed, 1);
  EXPECT_EQ(f.bodies[0].cancelled, 1);
  EXPECT_EQ(f.bodies[0].planned, 2);
  EXPECT_EQ(f.bodies[0].entries, 3);
  EXPECT_EQ(f.bodies[1].held, 0);
  EXPECT_EQ(f.bodies[1].planned, 1);
  EXPECT_EQ(f.held, 2);
  ASSERT_EQ(f.organizations.size(), 3U);
  EXPECT_EQ(f.organizations[0].id, 10);
  EXPECT_EQ(f.organizations[0].held, 2);
  EXPECT_EQ(f.organizations[0].entries, 1);
  EXPECT_EQ(f.organizations[1].id, 11);
  EXPECT_EQ(f.organizations[1].bodies, 2);
  EXPECT_EQ(f.organizations[1].held, 2);
  EXPECT_EQ(f.organizations[1].entries, 1) << "the declined entry does not count";
  EXPECT_EQ(f.organizations[2].held, 0);
  EXPECT_EQ(f.organizations[2].entries, 1) << "an entry a non-member presents still counts for it";
  EXPECT_EQ(f.reviewed, 2);
  EXPECT_EQ(f.decided, 1);
}

Invitation invitation(std::int64_t meeting_id, std::int64_t organization, std::optional<bool> attended) {
  Invitation i;
  i.meeting_id = meeting_id;
  i.organization_id = organization;
  i.attended = attended;
  return i;
}

TEST(MeetingFigures, AttendanceRateCountsOnlyRecordedAttendanceAtMeetingsNotCancelled) {
  FigureInput in;
  in.year = 2026;
  in.today = {2026, 12, 1};
  in.bodies = {body(1, "협의회", {10, 11})};
  in.meetings = {meeting(1, 1, {2026, 3, 5}, MeetingState::minutes_confirmed),
                 meeting(2, 1, {2026, 6, 5}, MeetingState::held),
                 meeting(3, 1, {2026, 9, 20}, MeetingState::cancelled),
                 meeting(4, 1, {2026, 11, 20}, MeetingState::agenda_published)};
  in.invitations = {invitation(1, 10, true),  invitation(1, 11, false),
                    invitation(2, 10, true),  invitation(2, 11, std::nullopt),  // not recorded
                    invitation(3, 10, true),  invitation(3, 11, true),          // cancelled
                    invitation(4, 10, false),  // recorded on its day, minutes not yet written
                    invitation(1, 99, true)};  // an organisation no longer on the body
  const auto f = count_figures(in);
  ASSERT_EQ(f.organizations.size(), 2U);
  EXPECT_EQ(f.organizations[0].recorded, 3);
  EXPECT_EQ(f.organizations[0].attended, 2);
  EXPECT_EQ(percent(f.organizations[0].attended, f.organizations[0].recorded), "66.7%");
  EXPECT_EQ(f.organizations[1].recorded, 1) << "the unrecorded meeting and the cancelled one say nothing";
  EXPECT_EQ(f.organizations[1].attended, 0);
  EXPECT_EQ(percent(f.organizations[1].attended, f.organizations[1].recorded), "0.0%");
}

TEST(MeetingFigures, ActionItemsAreOnTimeLateOrOpenByTheKoreanDate) {
  FigureInput in;
  in.year = 2026;
  in.today = {2026, 6, 10};
  in.actions = {action({2026, 6, 1}, CivilDate{2026, 6, 1}), action({2026, 6, 1}, CivilDate{2026, 5, 20}),
                action({2026, 6, 1}, CivilDate{2026, 6, 2}), action({2026, 6, 1}, std::nullopt),
                action({2026, 6, 30}, std::nullopt)};
  const auto f = count_figures(in);
  EXPECT_EQ(f.actions.on_time, 2);
  EXPECT_EQ(f.actions.late, 1);
  EXPECT_EQ(f.actions.open, 2);
  EXPECT_EQ(f.actions.overdue, 1);
}

TEST(MeetingFigures, PercentSaysDashForNothing) {
  EXPECT_EQ(percent(0, 0), "-");
  EXPECT_EQ(percent(1, 3), "33.3%");
  EXPECT_EQ(percent(2, 2), "100.0%");
}

}  // namespace sotong::meetings
