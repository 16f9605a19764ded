-- Standing consultation (상시 감사 컨설팅): an organisation asks the audit office before acting. Each request
-- belongs to the asking organisation, whose materialised path decides who may see it; rows are kept (the change
-- history refers to them). due_date is the working-day deadline of the answer (YYYY-MM-DD, Korean date).
CREATE TABLE audit_consultations (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  question TEXT NOT NULL,
  law TEXT NOT NULL,
  state TEXT NOT NULL,
  due_date TEXT NOT NULL,
  asked_by BIGINT NOT NULL REFERENCES accounts (id),
  asked_at BIGINT NOT NULL,
  legal_basis TEXT NOT NULL DEFAULT '',
  answer TEXT NOT NULL DEFAULT '',
  share_opinions INTEGER NOT NULL DEFAULT 0,
  answered_by BIGINT REFERENCES accounts (id),
  answered_at BIGINT,
  case_id BIGINT,
  updated_at BIGINT NOT NULL
);
CREATE INDEX audit_consultations_organization ON audit_consultations (organization_id);
CREATE INDEX audit_consultations_state ON audit_consultations (state, due_date);

-- Every step a consultation took: who moved it, when, from which step to which, and why (a note is required
-- when it goes back). The request itself is the first row (from_state '').
CREATE TABLE audit_consultation_steps (
  id {{id}},
  consultation_id BIGINT NOT NULL REFERENCES audit_consultations (id),
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  note TEXT NOT NULL,
  moved_by BIGINT NOT NULL REFERENCES accounts (id),
  moved_at BIGINT NOT NULL
);
CREATE INDEX audit_consultation_steps_consultation ON audit_consultation_steps (consultation_id, id);

-- Experts the audit office invited to analyse one consultation: an invited expert sees that consultation only.
CREATE TABLE audit_consultation_experts (
  consultation_id BIGINT NOT NULL REFERENCES audit_consultations (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  invited_by BIGINT NOT NULL REFERENCES accounts (id),
  invited_at BIGINT NOT NULL,
  PRIMARY KEY (consultation_id, account_id)
);
CREATE INDEX audit_consultation_experts_account ON audit_consultation_experts (account_id);

-- Analysis opinions of the audit office and the invited experts: internal unless the answer shares them.
CREATE TABLE audit_consultation_opinions (
  id {{id}},
  consultation_id BIGINT NOT NULL REFERENCES audit_consultations (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX audit_consultation_opinions_consultation ON audit_consultation_opinions (consultation_id, id);

-- Deadline reminders already sent: one row per consultation, kind (before_due, overdue) and due date, written
-- in the same transaction as the notifications, so a reminder goes out once even when two nodes run the job.
CREATE TABLE audit_consultation_reminders (
  consultation_id BIGINT NOT NULL REFERENCES audit_consultations (id),
  kind TEXT NOT NULL,
  due_date TEXT NOT NULL,
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (consultation_id, kind, due_date)
);
