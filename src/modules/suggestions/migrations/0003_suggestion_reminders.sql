-- Deadline reminders already sent: one row per suggestion, kind (before_due, on_due, overdue) and the due
-- date it was about. The daily job inserts the row in the same transaction as the notifications, so a
-- reminder goes out once even when two nodes or a retried job run the same day; an extended due date is a
-- new due date and earns its own reminders.
CREATE TABLE suggestion_reminders (
  suggestion_id BIGINT NOT NULL REFERENCES suggestions (id),
  kind TEXT NOT NULL,
  due_date TEXT NOT NULL,
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (suggestion_id, kind, due_date)
);
