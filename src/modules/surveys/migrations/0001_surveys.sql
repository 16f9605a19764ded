-- The survey engine (설문) and the cooperation index (정책소통협력지수). Who was invited and who has answered
-- (survey_tokens) is kept apart from what was answered (survey_responses): the two share no id, a response has
-- a random id, no account, no token, no address and only the day it was submitted, and responses reach their
-- table in shuffled batches (decision 0008).

-- A questionnaire, versioned: a new year's starts as a copy of last year's; once a campaign uses it, it is
-- frozen (the service refuses edits; the rule is in survey_rules).
CREATE TABLE survey_questionnaires (
  id {{id}},
  title TEXT NOT NULL,
  year INTEGER NOT NULL,
  version INTEGER NOT NULL,
  copied_from BIGINT REFERENCES survey_questionnaires (id),
  description TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES accounts (id),
  created_at BIGINT NOT NULL
);

-- Questions in order; the answer byte of a response is at the question's position among the questionnaire's
-- questions (1-based position − 1).
CREATE TABLE survey_questions (
  id {{id}},
  questionnaire_id BIGINT NOT NULL REFERENCES survey_questionnaires (id),
  position INTEGER NOT NULL,
  section TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  options TEXT NOT NULL DEFAULT '',
  domain TEXT NOT NULL DEFAULT '',
  dimension TEXT NOT NULL DEFAULT '',
  UNIQUE (questionnaire_id, position)
);

-- One run of a questionnaire: the yearly survey or a pilot (never counted). `host` names who runs it: "index"
-- for the cooperation index, another module's code for its satisfaction survey.
CREATE TABLE survey_campaigns (
  id {{id}},
  host TEXT NOT NULL,
  title TEXT NOT NULL,
  year INTEGER NOT NULL,
  pilot INTEGER NOT NULL DEFAULT 0,
  questionnaire_id BIGINT NOT NULL REFERENCES survey_questionnaires (id),
  opens_on TEXT NOT NULL,
  closes_on TEXT NOT NULL,
  max_subjects INTEGER NOT NULL DEFAULT 3,
  include_bureaus INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL,
  created_by BIGINT REFERENCES accounts (id),
  created_at BIGINT NOT NULL,
  closed_at BIGINT
);
CREATE INDEX survey_campaigns_year ON survey_campaigns (host, year);

-- What a campaign's respondents rate: for the index a bureau's organisation id (checked by the service); the
-- engine itself does not know what a subject is, so no foreign key; another module's survey names its subjects
-- in `label` (a course's title).
CREATE TABLE survey_subjects (
  campaign_id BIGINT NOT NULL REFERENCES survey_campaigns (id),
  subject_id BIGINT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (campaign_id, subject_id)
);

-- Who is invited: the invitation's hashed token (the token itself is shown once to its owner), when it was sent
-- and reminded, and the day it was used. Reminders and completion rates read this, never the answers.
CREATE TABLE survey_tokens (
  id {{id}},
  campaign_id BIGINT NOT NULL REFERENCES survey_campaigns (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  token_hash TEXT UNIQUE,
  invited_at BIGINT NOT NULL,
  reminded_at BIGINT,
  completed_on TEXT,
  UNIQUE (campaign_id, account_id)
);
CREATE INDEX survey_tokens_campaign ON survey_tokens (campaign_id, organization_id);

-- Progress kept under the invitation until it is submitted (deleted in the submitting transaction): one row
-- per subject the respondent chose to rate.
CREATE TABLE survey_drafts (
  token_id BIGINT NOT NULL REFERENCES survey_tokens (id),
  subject_id BIGINT NOT NULL,
  answers {{blob}} NOT NULL,
  texts TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (token_id, subject_id)
);

-- Submitted answers waiting to be moved, shuffled, once five or more wait (or the campaign closes).
CREATE TABLE survey_pending (
  id BIGINT PRIMARY KEY,
  campaign_id BIGINT NOT NULL REFERENCES survey_campaigns (id),
  subject_id BIGINT NOT NULL,
  submitted_on TEXT NOT NULL,
  answers {{blob}} NOT NULL,
  texts TEXT NOT NULL DEFAULT ''
);
CREATE INDEX survey_pending_campaign ON survey_pending (campaign_id);

-- The answers: a byte per question (0 모름 or none, 1–5, a choice's number, a bit per option of a multiple
-- choice, 255 not asked). Random id, the rated subject and the day; nothing else.
CREATE TABLE survey_responses (
  id BIGINT PRIMARY KEY,
  campaign_id BIGINT NOT NULL REFERENCES survey_campaigns (id),
  subject_id BIGINT NOT NULL,
  submitted_on TEXT NOT NULL,
  answers {{blob}} NOT NULL
);
CREATE INDEX survey_responses_campaign ON survey_responses (campaign_id);

-- Open answers of a response, by question position.
CREATE TABLE survey_response_texts (
  response_id BIGINT NOT NULL REFERENCES survey_responses (id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (response_id, position)
);

-- The report's 반영내용 (measures taken, per bureau or overall) and 제도개선 건의사항 (institutional proposals),
-- entered by the coordinator.
CREATE TABLE survey_report_notes (
  id {{id}},
  campaign_id BIGINT NOT NULL REFERENCES survey_campaigns (id),
  kind TEXT NOT NULL,
  subject_id BIGINT,
  text TEXT NOT NULL,
  created_by BIGINT REFERENCES accounts (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX survey_report_notes_campaign ON survey_report_notes (campaign_id);
