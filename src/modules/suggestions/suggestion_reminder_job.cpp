#include "modules/suggestions/suggestion_reminder_job.hpp"

#include "core/role.hpp"
#include "modules/suggestions/suggestion_directory.hpp"
#include "modules/suggestions/suggestion_records.hpp"
#include "modules/suggestions/suggestion_reminder_store.hpp"
#include "modules/suggestions/suggestion_reminders.hpp"
#include "platform/calendar/calendar_service.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/jobs/daily_jobs.hpp"
#include "platform/notifications/notifications.hpp"

namespace sotong::suggestions {
namespace {

struct Message {
  std::string title;
  std::string body;
};

Message message_for(Reminder r, const suggestion_reminder_store::InHand& item) {
  switch (r) {
    case Reminder::before_due:
      return {"처리 기한이 다가오는 건의가 있습니다", item.title + " (처리 기한 " + item.due_date + ")"};
    case Reminder::on_due:
      return {"오늘이 처리 기한인 건의가 있습니다", item.title + " (처리 기한 " + item.due_date + ")"};
    case Reminder::overdue:
      break;
  }
  return {"처리 기한이 지난 건의가 있습니다",
          item.title + " (처리 기한 " + item.due_date + ", 주관 실국 확인 필요)"};
}

}  // namespace

int send_due_reminders(store::Connection& c, CivilDate today) {
  const auto calendar = platform::calendar::load(c);
  // Nothing due later than a few working days from today can need a reminder yet.
  const CivilDate horizon = calendar.add_working_days(today, kRemindWorkingDaysBefore);
  const Timestamp at = now();
  int sent = 0;
  for (const auto& item :
       suggestion_reminder_store::in_hand_due_by(c, platform::calendar::format_date(horizon))) {
    const auto due = parse_date(item.due_date);
    if (!due) continue;
    for (Reminder r : reminders_due(calendar, *due, today)) {
      // The marker commits with the notifications: a second run, on this node or another, finds it.
      if (!suggestion_reminder_store::mark_sent(c, item.id, code_of<Reminder>(kReminders, r), item.due_date,
                                                at))
        continue;
      const auto people = r == Reminder::overdue ? accounts_with_role(c, Role::coordinator, 0)
                                                 : accounts_with_role(c, Role::bureau, item.lead_bureau_id);
      const auto message = message_for(r, item);
      for (std::int64_t account : people) {
        platform::notifications::notify(c, account, message.title, message.body, detail_url(item.id));
        ++sent;
      }
    }
  }
  return sent;
}

void ensure_reminders_scheduled(store::Connection& c, Timestamp at) {
  platform::jobs::ensure_daily_scheduled(c, kReminderJobKind, kReminderHour, at);
}

std::vector<platform::jobs::Kind> reminder_job_kinds() {
  return {platform::jobs::daily_kind(
      {kReminderJobKind, "건의사항 처리 기한 알림", kReminderHour, send_due_reminders})};
}

}  // namespace sotong::suggestions
