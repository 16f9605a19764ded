-- Attendance of a meeting (issue 14 item 4): one invitation per member organisation, written when the agenda is
-- published; the organisation's answer (rsvp: '' not yet, attend, absent, substitute with the substitute's name
-- and position) and, once the meeting's day has come, whether it attended (NULL until the secretariat records
-- it).
CREATE TABLE meeting_attendance (
  id {{id}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  invited_at BIGINT NOT NULL,
  rsvp TEXT NOT NULL DEFAULT '',
  substitute_name TEXT NOT NULL DEFAULT '',
  substitute_position TEXT NOT NULL DEFAULT '',
  rsvp_by BIGINT REFERENCES accounts (id),
  rsvp_at BIGINT,
  attended BIGINT,
  recorded_at BIGINT,
  UNIQUE (meeting_id, organization_id)
);
CREATE INDEX meeting_attendance_organization ON meeting_attendance (organization_id);

-- One row per held meeting whose secretariat was reminded that its minutes are not confirmed; written in the
-- transaction that sends the reminder, so that two nodes send it once.
CREATE TABLE meeting_minutes_reminders (
  meeting_id BIGINT PRIMARY KEY REFERENCES meetings (id),
  sent_at BIGINT NOT NULL
);
