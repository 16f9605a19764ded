#include "modules/audit/finding_reminder_job.hpp"

#include "modules/audit/deadline_reminders.hpp"
#include "modules/audit/field_audit_rules.hpp"
#include "modules/audit/field_audit_service.hpp"
#include "modules/audit/finding_rules.hpp"
#include "modules/audit/finding_service.hpp"
#include "modules/audit/finding_store.hpp"
#include "platform/calendar/calendar_service.hpp"
#include "platform/jobs/daily_jobs.hpp"

namespace sotong::audit {
int send_finding_reminders(store::Connection& c, CivilDate today) {
  const auto calendar = platform::calendar::load(c);
  const CivilDate horizon = calendar.add_working_days(today, kFindingRemindWorkingDaysBefore);
  const Timestamp at = now();
  int sent = 0;
  for (const auto& f : finding_store::awaiting_report_due_by(c, horizon)) {
    const auto r = reminder_due(calendar, f.due, today, kFindingRemindWorkingDaysBefore);
    if (!r) continue;
    const std::string due = format_date(f.due);
    // The marker commits with the notifications: a second run, on this node or another, finds it.
    if (!finding_store::mark_reminder_sent(c, f.id, code_of<DeadlineReminder>(kDeadlineReminders, *r), due,
                                           at))
      continue;
    const bool overdue = *r == DeadlineReminder::overdue;
    notify_audited(
        c, f.organization_id,
        overdue ? "조치 기한이 지난 지적사항이 있습니다" : "조치 기한이 다가오는 지적사항이 있습니다",
        f.title + " (조치 기한 " + due + (overdue ? "): 조치 결과를 보고해 주십시오." : ")"),
        finding_href(f.id));
    ++sent;
  }
  return sent;
}

void ensure_finding_reminders_scheduled(store::Connection& c, Timestamp at) {
  platform::jobs::ensure_daily_scheduled(c, kFindingReminderJob, kReminderHour, at);
}

std::vector<platform::jobs::Kind> finding_job_kinds() {
  return {platform::jobs::daily_kind(
      {kFindingReminderJob, "지적사항 조치 기한 알림", kReminderHour, send_finding_reminders})};
}

}  // namespace sotong::audit
