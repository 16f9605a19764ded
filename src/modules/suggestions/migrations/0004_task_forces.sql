-- 문제해결형 TFT (task forces): a team across organisations that the coordinator forms for one or more suggestions,
-- or for a standing conflict no suggestion names. Its members (accounts, each with a role) see the whole record;
-- anyone else who may view suggestions sees only its name, its status and the linked suggestions they may see.
-- Rows are kept (the change history refers to them); dates a person picks are 'YYYY-MM-DD' text, Korean calendar
-- days; instants are seconds since 1970 (UTC).
CREATE TABLE suggestion_task_forces (
  id {{id}},
  name TEXT NOT NULL,
  issue TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'formed',
  plan TEXT NOT NULL DEFAULT '',
  plan_updated_by BIGINT REFERENCES accounts (id),
  plan_updated_at BIGINT,
  result TEXT,
  result_text TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL,
  started_at BIGINT,
  closed_at BIGINT,
  updated_at BIGINT NOT NULL
);
CREATE INDEX suggestion_task_forces_status ON suggestion_task_forces (status, id);

-- The suggestions a task force works on; none for a standing conflict.
CREATE TABLE suggestion_task_force_links (
  task_force_id BIGINT NOT NULL REFERENCES suggestion_task_forces (id),
  suggestion_id BIGINT NOT NULL REFERENCES suggestions (id),
  PRIMARY KEY (task_force_id, suggestion_id)
);
CREATE INDEX suggestion_task_force_links_suggestion ON suggestion_task_force_links (suggestion_id);

-- Members are accounts of any organisation, each once, with a role (leader, secretary, member). Removing a
-- member deletes the row; the change history keeps who was on the team and when.
CREATE TABLE suggestion_task_force_members (
  task_force_id BIGINT NOT NULL REFERENCES suggestion_task_forces (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  role TEXT NOT NULL,
  added_by BIGINT NOT NULL REFERENCES accounts (id),
  added_at BIGINT NOT NULL,
  PRIMARY KEY (task_force_id, account_id)
);
CREATE INDEX suggestion_task_force_members_account ON suggestion_task_force_members (account_id);

-- Outside experts are not accounts: a name, an affiliation and a field, with their role (adviser, member).
CREATE TABLE suggestion_task_force_experts (
  id {{id}},
  task_force_id BIGINT NOT NULL REFERENCES suggestion_task_forces (id),
  name TEXT NOT NULL,
  affiliation TEXT NOT NULL,
  field TEXT NOT NULL,
  role TEXT NOT NULL,
  added_by BIGINT NOT NULL REFERENCES accounts (id),
  added_at BIGINT NOT NULL
);
CREATE INDEX suggestion_task_force_experts_task_force ON suggestion_task_force_experts (task_force_id, id);

-- 현지확인 (field checks): where the team went, who came and what they found; photos are attachments of the
-- field check (owner type suggestion_field_check).
CREATE TABLE suggestion_task_force_field_checks (
  id {{id}},
  task_force_id BIGINT NOT NULL REFERENCES suggestion_task_forces (id),
  check_date TEXT NOT NULL,
  place TEXT NOT NULL,
  participants TEXT NOT NULL,
  findings TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX suggestion_task_force_field_checks_task_force ON suggestion_task_force_field_checks (task_force_id, id);

-- 추진상황 보고 (progress reports) in the order filed; the latest one's percent is the team's progress.
CREATE TABLE suggestion_task_force_reports (
  id {{id}},
  task_force_id BIGINT NOT NULL REFERENCES suggestion_task_forces (id),
  report_date TEXT NOT NULL,
  body TEXT NOT NULL,
  percent BIGINT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX suggestion_task_force_reports_task_force ON suggestion_task_force_reports (task_force_id, id);
