-- Follow-up reminders already sent to the audited organisation: one row per finding, kind (before_due, overdue)
-- and due date, written in the same transaction as the notifications, so a reminder goes out once even when two
-- nodes run the job, and again when the due date is moved.
CREATE TABLE audit_finding_reminders (
  finding_id BIGINT NOT NULL REFERENCES audit_field_findings (id),
  kind TEXT NOT NULL,
  due_date TEXT NOT NULL,
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (finding_id, kind, due_date)
);
