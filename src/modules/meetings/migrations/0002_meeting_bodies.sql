-- The real shape of 회의 (meetings): standing bodies (회의체) with their members and blocked dates, the meetings
-- each body holds, their agenda entries (안건) and action items (조치사항). The stamp's one-table record is
-- replaced: nothing was ever kept in it but test items. Dates are ISO text (YYYY-MM-DD), times of day HH:MM,
-- instants UTC seconds.
DROP TABLE meetings;

-- A standing body. cadence is the storage code of meeting_cadence.hpp; review_level the code of the review
-- level suggestions are put before it at (empty: none); visiting bodies meet in turn at a member 시·군.
CREATE TABLE meeting_bodies (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  cadence TEXT NOT NULL,
  review_level TEXT NOT NULL DEFAULT '',
  visiting INTEGER NOT NULL DEFAULT 0,
  secretariat_id BIGINT NOT NULL REFERENCES organizations (id),
  chair TEXT NOT NULL DEFAULT '',
  start_time TEXT NOT NULL DEFAULT '14:00',
  duration_minutes BIGINT NOT NULL DEFAULT 120,
  location TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);

-- Who sits on a body: an organisation, optionally one person for it; role member, chair or secretariat.
CREATE TABLE meeting_body_members (
  id {{id}},
  body_id BIGINT NOT NULL REFERENCES meeting_bodies (id),
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  account_id BIGINT REFERENCES accounts (id),
  role TEXT NOT NULL DEFAULT 'member',
  UNIQUE (body_id, organization_id)
);
CREATE INDEX meeting_body_members_organization ON meeting_body_members (organization_id);

-- Dates a member cannot host a visiting meeting of the body.
CREATE TABLE meeting_blocked_dates (
  id {{id}},
  body_id BIGINT NOT NULL REFERENCES meeting_bodies (id),
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  blocked_on TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  UNIQUE (body_id, organization_id, blocked_on)
);

-- One meeting of a body. state: planned → agenda_published → held → minutes_confirmed, or cancelled (with
-- cancel_reason). sequence grows with every change (an iCalendar SEQUENCE later).
CREATE TABLE meetings (
  id {{id}},
  body_id BIGINT NOT NULL REFERENCES meeting_bodies (id),
  title TEXT NOT NULL,
  meets_on TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  location TEXT NOT NULL DEFAULT '',
  host_id BIGINT REFERENCES organizations (id),
  host_reason TEXT NOT NULL DEFAULT '',
  host_pinned INTEGER NOT NULL DEFAULT 0,
  moved_from TEXT NOT NULL DEFAULT '',
  move_reason TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'planned',
  cancel_reason TEXT NOT NULL DEFAULT '',
  sequence BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (body_id, meets_on)
);
CREATE INDEX meetings_date ON meetings (meets_on);

-- One entry on a meeting's agenda. source: review (a matter of another module: source_code and item_id),
-- proposal, or rollover (an unfinished action item: action_item_id). decision_outcome holds what the source
-- said back (empty when written, its refusal otherwise).
CREATE TABLE meeting_agenda_entries (
  id {{id}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  position BIGINT NOT NULL,
  title TEXT NOT NULL,
  presenter_id BIGINT REFERENCES organizations (id),
  duration_minutes BIGINT NOT NULL DEFAULT 10,
  source TEXT NOT NULL,
  source_code TEXT NOT NULL DEFAULT '',
  item_id BIGINT NOT NULL DEFAULT 0,
  action_item_id BIGINT NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'proposed',
  proposer_id BIGINT NOT NULL REFERENCES organizations (id),
  discussion TEXT NOT NULL DEFAULT '',
  decision TEXT NOT NULL DEFAULT '',
  decision_action TEXT NOT NULL DEFAULT '',
  decision_outcome TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX meeting_agenda_entries_meeting ON meeting_agenda_entries (meeting_id, position);

-- What a meeting asked someone to do, tracked to done.
CREATE TABLE meeting_action_items (
  id {{id}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  agenda_entry_id BIGINT NOT NULL REFERENCES meeting_agenda_entries (id),
  title TEXT NOT NULL,
  owner_id BIGINT NOT NULL REFERENCES organizations (id),
  owner_account_id BIGINT REFERENCES accounts (id),
  due_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  done_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX meeting_action_items_meeting ON meeting_action_items (meeting_id);
