#include <gtest/gtest.h>

#include <string>

#include "modules/meetings/meeting_attendance.hpp"
#include "platform/testing/field_errors.hpp"

namespace sotong::meetings {
namespace {
constexpr CivilDate kMeetingDay{2026, 11, 12};
constexpr CivilDate kBefore{2026, 11, 11};
constexpr CivilDate kAfter{2026, 11, 13};

}  // namespace

TEST(MeetingRsvp, AttendAndAbsentNeedNothingMoreAndDropASubstitute) {
  auto attend = validate_rsvp({"attend", "홍길동", "과장"});
  ASSERT_TRUE(attend);
  EXPECT_EQ(attend->response, Rsvp::attend);
  EXPECT_TRUE(attend->substitute_name.empty());
  auto absent = validate_rsvp({" absent ", "", ""});
  ASSERT_TRUE(absent);
  EXPECT_EQ(absent->response, Rsvp::absent);
}

TEST(MeetingRsvp, ASubstituteNeedsNameAndPosition) {
  auto missing = validate_rsvp({"substitute", "  ", ""});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::invalid_input);
  EXPECT_TRUE(has_field(missing.error(), "substitute_name"));
  EXPECT_TRUE(has_field(missing.error(), "substitute_position"));
  auto ok = validate_rsvp({"substitute", " 김대리 ", "기획팀장"});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->substitute_name, "김대리");
  EXPECT_EQ(ok->substitute_position, "기획팀장");
  // 50 characters are the limit, counted in characters, not bytes.
  EXPECT_TRUE(validate_rsvp({"substitute", std::string(50 * 3, 'a').substr(0, 50), "팀장"}));
  std::string fifty_one;
  for (int i = 0; i < 51; ++i) fifty_one += "가";
  EXPECT_FALSE(validate_rsvp({"substitute", fifty_one, "팀장"}));
}

TEST(MeetingRsvp, AnUnknownOrEmptyAnswerIsRefusedInKorean) {
  for (const char* code : {"", "maybe", "none"}) {
    auto refused = validate_rsvp({code, "", ""});
    ASSERT_FALSE(refused) << code;
    EXPECT_TRUE(has_field(refused.error(), "response"));
    EXPECT_NE(refused.error().fields.front().message.find("참석"), std::string::npos);
  }
}

TEST(MeetingRsvp, AnswersAreOpenFromPublicationToTheMeetingsDay) {
  EXPECT_FALSE(rsvp_open(MeetingState::planned, kMeetingDay, kBefore));
  EXPECT_TRUE(rsvp_open(MeetingState::agenda_published, kMeetingDay, kBefore));
  EXPECT_TRUE(rsvp_open(MeetingState::agenda_published, kMeetingDay, kMeetingDay));
  EXPECT_FALSE(rsvp_open(MeetingState::agenda_published, kMeetingDay, kAfter));
  EXPECT_FALSE(rsvp_open(MeetingState::held, kMeetingDay, kMeetingDay));
  auto cancelled = rsvp_open(MeetingState::cancelled, kMeetingDay, kBefore);
  ASSERT_FALSE(cancelled);
  EXPECT_EQ(cancelled.error().code, ErrorCode::conflict);
}

TEST(MeetingAttendance, RecordedFromTheMeetingsDayUntilTheMinutesAreConfirmed) {
  EXPECT_FALSE(attendance_open(MeetingState::agenda_published, kMeetingDay, kBefore));
  EXPECT_TRUE(attendance_open(MeetingState::agenda_published, kMeetingDay, kMeetingDay));
  EXPECT_TRUE(attendance_open(MeetingState::held, kMeetingDay, kAfter));
  EXPECT_FALSE(attendance_open(MeetingState::minutes_confirmed, kMeetingDay, kAfter));
  EXPECT_FALSE(attendance_open(MeetingState::planned, kMeetingDay, kAfter));
  EXPECT_FALSE(attendance_open(MeetingState::cancelled, kMeetingDay, kAfter));
  EXPECT_EQ(read_attended("yes"), true);
  EXPECT_EQ(read_attended("no"), false);
  EXPECT_EQ(read_attended(""), std::nullopt);
}

}  // namespace sotong::meetings
