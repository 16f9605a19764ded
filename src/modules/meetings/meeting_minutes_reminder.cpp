#include "modules/meetings/meeting_minutes_reminder.hpp"

#include "modules/meetings/meeting_attendance_store.hpp"
#include "modules/meetings/meeting_store.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/calendar/calendar_service.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/notifications/notifications.hpp"

namespace sotong::meetings {
namespace {

constexpr std::int64_t kScheduleLock = 0x736f746f6e6721;  // "sotong" + 0x21: one minutes schedule at a time

Result<void> run_minutes_reminders(platform::jobs::Run& run) {
  const Timestamp at = now();
  run.finish([&](store::Connection& c) {
    send_minutes_reminders(c, seoul_date(at));
    platform::jobs::enqueue(c, kMinutesReminderJobKind, "{}", next_minutes_reminder_run(at));
  });
  return success();
}

}  // namespace

bool minutes_reminder_due(const platform::calendar::WorkingCalendar& calendar, CivilDate meeting_date,
                          CivilDate today) {
  return days_from_civil(today) >
         days_from_civil(calendar.add_working_days(meeting_date, kMinutesWorkingDays));
}

Timestamp next_minutes_reminder_run(Timestamp at) {
  constexpr Timestamp kEightOClock = 8 * 3600;
  const CivilDate today = seoul_date(at);
  const Timestamp today_run = seoul_day_start(today) + kEightOClock;
  if (at < today_run) return today_run;
  return seoul_day_start(civil_from_days(days_from_civil(today) + 1)) + kEightOClock;
}

int send_minutes_reminders(store::Connection& c, CivilDate today) {
  const auto calendar = platform::calendar::load(c);
  // Three working days are at least three calendar days: nothing later can be due.
  const CivilDate latest = civil_from_days(days_from_civil(today) - kMinutesWorkingDays - 1);
  const Timestamp at = now();
  int sent = 0;
  for (const auto& m :
       attendance_store::unconfirmed_without_reminder(c, platform::calendar::format_date(latest))) {
    if (!minutes_reminder_due(calendar, m.date, today)) continue;
    const auto body = meeting_store::find_body(c, m.body_id);
    if (!body || body->secretariat_id == 0) continue;
    // The marker commits with the notifications: a second run, on this node or another, finds it.
    if (!attendance_store::mark_reminded(c, m.meeting_id, at)) continue;
    platform::account_store::Filter filter;
    filter.organization_id = body->secretariat_id;
    filter.active = true;
    for (const auto& account : platform::account_store::list(c, filter)) {
      platform::notifications::notify(
          c, account.id, "확정하지 않은 회의록이 있습니다",
          m.title + " (" + platform::calendar::format_date_with_weekday(m.date) + " 개최, 3근무일 경과)",
          "/meetings/" + std::to_string(m.meeting_id));
      ++sent;
    }
  }
  return sent;
}

void ensure_minutes_reminders_scheduled(store::Connection& c, Timestamp at) {
  c.lock_named(kScheduleLock);
  if (platform::jobs::count_pending(c, kMinutesReminderJobKind) == 0)
    platform::jobs::enqueue(c, kMinutesReminderJobKind, "{}", next_minutes_reminder_run(at));
}

std::vector<platform::jobs::Kind> minutes_reminder_job_kinds() {
  return {{kMinutesReminderJobKind, "회의록 확정 알림", run_minutes_reminders,
           [](const platform::Settings&) { return true; }}};
}

}  // namespace sotong::meetings
