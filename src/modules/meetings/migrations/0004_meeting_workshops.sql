-- 정책협력 워크숍 (issue 14 item 6): a workshop meeting's sessions, its case presentations (attachments through
-- the platform's attachments, owner type meeting_presentation) and the opinions collected there. Times of day
-- are HH:MM text, instants UTC seconds.

-- One session of a workshop meeting, in position order.
CREATE TABLE meeting_workshop_sessions (
  id {{id}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  position BIGINT NOT NULL,
  title TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  moderator TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX meeting_workshop_sessions_meeting ON meeting_workshop_sessions (meeting_id, position);

-- One case presentation (사례발표): the presenting organisation and person, a summary; proposed by a member
-- (status proposed until the secretariat accepts or declines it) or added by the secretariat (accepted).
CREATE TABLE meeting_workshop_presentations (
  id {{id}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  position BIGINT NOT NULL,
  title TEXT NOT NULL,
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  presenter TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'proposed',
  proposer_id BIGINT NOT NULL REFERENCES organizations (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX meeting_workshop_presentations_meeting ON meeting_workshop_presentations (meeting_id, position);

-- One collected opinion (수렴의견): written down by the secretariat (source recorded) or submitted by a member
-- (submitted). suggestion_id and suggestion_href name the suggestion it was turned into (the suggestions
-- module's record, reached through the platform's intake target; no foreign key across modules), once.
CREATE TABLE meeting_workshop_opinions (
  id {{id}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  domain TEXT NOT NULL,
  source TEXT NOT NULL,
  recorded_by_org BIGINT NOT NULL REFERENCES organizations (id),
  created_by BIGINT REFERENCES accounts (id),
  suggestion_id BIGINT,
  suggestion_href TEXT NOT NULL DEFAULT '',
  turned_by BIGINT REFERENCES accounts (id),
  turned_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX meeting_workshop_opinions_meeting ON meeting_workshop_opinions (meeting_id);

-- The organisations an opinion came from, in the order given (the first raised it).
CREATE TABLE meeting_workshop_opinion_organizations (
  opinion_id BIGINT NOT NULL REFERENCES meeting_workshop_opinions (id),
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  position BIGINT NOT NULL,
  PRIMARY KEY (opinion_id, organization_id)
);
CREATE INDEX meeting_workshop_opinion_organizations_organization
  ON meeting_workshop_opinion_organizations (organization_id);
