-- The whole record of a suggestion (issue 13): what the 시·군 asked, where it stands and who carries it.
-- Dates a person picks (desired answer date, due date, next review) are 'YYYY-MM-DD' text, Korean calendar
-- days; instants are seconds since 1970 (UTC). The *_at milestones feed the figures without replaying the
-- timeline: first set when the item first reaches that point.
ALTER TABLE suggestions ADD COLUMN content TEXT NOT NULL DEFAULT '';
ALTER TABLE suggestions ADD COLUMN domain TEXT NOT NULL DEFAULT 'project';
ALTER TABLE suggestions ADD COLUMN channel TEXT NOT NULL DEFAULT 'direct';
ALTER TABLE suggestions ADD COLUMN addressed_bureau_id BIGINT REFERENCES organizations (id);
ALTER TABLE suggestions ADD COLUMN desired_date TEXT;
ALTER TABLE suggestions ADD COLUMN state TEXT NOT NULL DEFAULT 'draft';
ALTER TABLE suggestions ADD COLUMN lead_bureau_id BIGINT REFERENCES organizations (id);
ALTER TABLE suggestions ADD COLUMN working_days BIGINT NOT NULL DEFAULT 0;
ALTER TABLE suggestions ADD COLUMN due_date TEXT;
ALTER TABLE suggestions ADD COLUMN extensions BIGINT NOT NULL DEFAULT 0;
ALTER TABLE suggestions ADD COLUMN appealed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE suggestions ADD COLUMN progress BIGINT NOT NULL DEFAULT 0;
ALTER TABLE suggestions ADD COLUMN review_level TEXT;
ALTER TABLE suggestions ADD COLUMN next_review TEXT;
ALTER TABLE suggestions ADD COLUMN answer TEXT NOT NULL DEFAULT '';
ALTER TABLE suggestions ADD COLUMN satisfaction BIGINT;
ALTER TABLE suggestions ADD COLUMN satisfaction_comment TEXT NOT NULL DEFAULT '';
ALTER TABLE suggestions ADD COLUMN submitted_at BIGINT;
ALTER TABLE suggestions ADD COLUMN adopted_at BIGINT;
ALTER TABLE suggestions ADD COLUMN outcome_at BIGINT;
ALTER TABLE suggestions ADD COLUMN answered_at BIGINT;
ALTER TABLE suggestions ADD COLUMN closed_at BIGINT;
ALTER TABLE suggestions ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
-- The coordinator's queue and the bureau's list filter by state and lead bureau and sort by due date.
CREATE INDEX suggestions_state_due ON suggestions (state, due_date, id);
CREATE INDEX suggestions_lead_state_due ON suggestions (lead_bureau_id, state, due_date, id);

-- The other organisations a suggestion involves: the 시·군 it concerns besides the one that filed it
-- (relation 'concerned') and the bureaus cooperating with the lead (relation 'cooperating'). Each of them may
-- see the suggestion.
CREATE TABLE suggestion_organizations (
  suggestion_id BIGINT NOT NULL REFERENCES suggestions (id),
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  relation TEXT NOT NULL,
  PRIMARY KEY (suggestion_id, relation, organization_id)
);
CREATE INDEX suggestion_organizations_organization ON suggestion_organizations (organization_id);

-- The timeline: every decision with its reason, every progress report, extension, transfer, rating and
-- internal note, in the order made. Rows are never changed or deleted (the transparency the 시·군 are owed).
-- internal = 1 marks a note for the province side only, never shown to the 시·군 that filed or are concerned.
CREATE TABLE suggestion_events (
  id {{id}},
  suggestion_id BIGINT NOT NULL REFERENCES suggestions (id),
  kind TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT,
  body TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  percent BIGINT,
  internal BIGINT NOT NULL DEFAULT 0,
  actor_id BIGINT NOT NULL REFERENCES accounts (id),
  actor_organization_id BIGINT NOT NULL REFERENCES organizations (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX suggestion_events_suggestion ON suggestion_events (suggestion_id, id);
