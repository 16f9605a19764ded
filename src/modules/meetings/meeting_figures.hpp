// The figures (성과 지표) of 회의 (meetings) for a year: meetings held per body, held meetings and agenda
// entries per organisation, action items done on time, late or still open, and suggestions decided at
// meetings. Pure counting over what the service loaded (already limited to what the person may see).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "modules/meetings/meeting.hpp"
#include "modules/meetings/meeting_attendance.hpp"

namespace sotong::meetings {

struct FigureInput {
  int year = 0;
  CivilDate today{};
  std::vector<Body> bodies;             // with members and their names
  std::vector<Meeting> meetings;        // the year's meetings of those bodies
  std::vector<AgendaEntry> entries;     // the entries of those meetings
  std::vector<ActionItem> actions;      // the action items handed out at those meetings
  std::vector<Invitation> invitations;  // the invitations of those meetings, attendance as recorded
};

struct BodyFigure {
  std::int64_t id = 0;
  std::string name;
  int planned = 0;    // every meeting of the year but the cancelled
  int held = 0;       // held, minutes confirmed or not
  int confirmed = 0;  // minutes confirmed
  int cancelled = 0;
  int entries = 0;  // accepted agenda entries at held meetings
};

struct OrganizationFigure {
  std::int64_t id = 0;
  std::string name;
  int bodies = 0;    // bodies it sits on
  int held = 0;      // meetings held of those bodies
  int entries = 0;   // accepted entries it proposed or presented at held meetings
  int recorded = 0;  // meetings (not cancelled) whose secretariat recorded its attendance, present or not
  int attended = 0;  // of them, present (a substitute counts: the organisation was there)
};

struct ActionFigure {
  int on_time = 0;  // done on or before the due date (Korean date)
  int late = 0;     // done after it
  int open = 0;     // not done yet
  int overdue = 0;  // of the open, past the due date
};

struct MeetingFigures {
  int year = 0;
  std::vector<BodyFigure> bodies;                 // in the order given
  std::vector<OrganizationFigure> organizations;  // by name order of first appearance
  ActionFigure actions;
  int reviewed = 0;  // suggestions put before held meetings (review entries from "suggestions")
  int decided = 0;   // of them, with a decision written
  int held = 0;      // all bodies
};

/// Counts the year's figures. Never fails; an empty input gives zeros. The attendance rate of an organisation
/// is attended / recorded: a meeting whose attendance was never recorded says nothing either way.
MeetingFigures count_figures(const FigureInput& input);

/// "75.0%" of part in whole; "-" when whole is 0.
std::string percent(int part, int whole);

}  // namespace sotong::meetings
