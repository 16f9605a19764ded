#include "modules/suggestions/suggestion_reminder_store.hpp"

namespace sotong::suggestions::suggestion_reminder_store {

std::vector<InHand> in_hand_due_by(store::Connection& c, std::string_view until) {
  std::vector<InHand> out;
  for (const auto& row :
       c.query("SELECT id, title, lead_bureau_id, due_date FROM suggestions WHERE state IN "
               "('adopted', 'in_progress') AND lead_bureau_id IS NOT NULL AND due_date <= ? "
               "ORDER BY due_date, id",
               {std::string(until)}))
    out.push_back({row.int64(0), row.text(1), row.int64(2), row.text(3)});
  return out;
}

bool mark_sent(store::Connection& c, std::int64_t suggestion_id, std::string_view kind,
               std::string_view due_date, Timestamp at) {
  // ON CONFLICT DO NOTHING changes no row when the reminder is there: the count says whether to send it.
  return c.execute(
             "INSERT INTO suggestion_reminders (suggestion_id, kind, due_date, sent_at) VALUES (?, ?, ?, ?) "
             "ON CONFLICT (suggestion_id, kind, due_date) DO NOTHING",
             {suggestion_id, std::string(kind), std::string(due_date), at}) > 0;
}

}  // namespace sotong::suggestions::suggestion_reminder_store
