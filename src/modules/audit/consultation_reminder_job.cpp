#include "modules/audit/consultation_reminder_job.hpp"

#include "core/role.hpp"
#include "modules/audit/consultation_rules.hpp"
#include "modules/audit/consultation_service.hpp"
#include "modules/audit/consultation_store.hpp"
#include "modules/audit/deadline_reminders.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/calendar/calendar_service.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/jobs/daily_jobs.hpp"
#include "platform/notifications/notifications.hpp"

namespace sotong::audit {
int send_consultation_reminders(store::Connection& c, CivilDate today) {
  const auto calendar = platform::calendar::load(c);
  const CivilDate horizon = calendar.add_working_days(today, kRemindWorkingDaysBefore);
  platform::account_store::Filter filter;
  filter.role = Role::auditor;
  filter.active = true;
  const auto auditors = platform::account_store::list(c, filter);
  const Timestamp at = now();
  int sent = 0;
  for (const auto& item : consultation_store::open_due_by(c, platform::calendar::format_date(horizon))) {
    const std::string due = platform::calendar::format_date(item.due_date);
    if (const auto r = reminder_due(calendar, item.due_date, today, kRemindWorkingDaysBefore)) {
      // The marker commits with the notifications: a second run, on this node or another, finds it.
      if (!consultation_store::mark_reminder_sent(c, item.id,
                                                  code_of<DeadlineReminder>(kDeadlineReminders, *r), due, at))
        continue;
      const std::string title = *r == DeadlineReminder::overdue
                                    ? "회신 기한이 지난 감사 컨설팅이 있습니다"
                                    : "회신 기한이 다가오는 감사 컨설팅이 있습니다";
      for (const auto& a : auditors) {
        platform::notifications::notify(c, a.id, title, item.title + " (회신 기한 " + due + ")",
                                        consultation_href(item.id));
        ++sent;
      }
    }
  }
  return sent;
}

void ensure_consultation_reminders_scheduled(store::Connection& c, Timestamp at) {
  platform::jobs::ensure_daily_scheduled(c, kConsultationReminderJob, kReminderHour, at);
}

std::vector<platform::jobs::Kind> consultation_job_kinds() {
  return {platform::jobs::daily_kind(
      {kConsultationReminderJob, "감사 컨설팅 회신 기한 알림", kReminderHour, send_consultation_reminders})};
}

}  // namespace sotong::audit
