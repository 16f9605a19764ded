#include "modules/meetings/meeting_minutes_reminder.hpp"

#include "modules/meetings/meeting_attendance_store.hpp"
#include "modules/meetings/meeting_store.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/calendar/calendar_service.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/jobs/daily_jobs.hpp"
#include "platform/notifications/notifications.hpp"

namespace sotong::meetings {

bool minutes_reminder_due(const platform::calendar::WorkingCalendar& calendar, CivilDate meeting_date,
                          CivilDate today) {
  return days_from_civil(today) >
         days_from_civil(calendar.add_working_days(meeting_date, kMinutesWorkingDays));
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
  platform::jobs::ensure_daily_scheduled(c, kMinutesReminderJobKind, kMinutesReminderHour, at);
}

std::vector<platform::jobs::Kind> minutes_reminder_job_kinds() {
  return {platform::jobs::daily_kind(
      {kMinutesReminderJobKind, "회의록 확정 알림", kMinutesReminderHour, send_minutes_reminders})};
}

}  // namespace sotong::meetings
