-- Field audits (현장감사) with their pre-audit consultation (감사협의) and findings (지적사항). An audit belongs to
-- the organisation it audits, whose materialised path decides who may see it and its findings; rows are kept
-- (the change history refers to them). Dates are Korean calendar days as text (YYYY-MM-DD), which sort.
CREATE TABLE audit_field_audits (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  purpose TEXT NOT NULL,
  areas TEXT NOT NULL,
  method TEXT NOT NULL,
  method_note TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  team TEXT NOT NULL,
  state TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX audit_field_audits_organization ON audit_field_audits (organization_id, start_date);
CREATE INDEX audit_field_audits_start ON audit_field_audits (start_date);

-- The consultation's rounds, in order: the plan, the audited organisation's opinions and agreement, the audit
-- office's revisions with their notes, the end or cancellation.
CREATE TABLE audit_field_consultations (
  id {{id}},
  field_audit_id BIGINT NOT NULL REFERENCES audit_field_audits (id),
  kind TEXT NOT NULL,
  topic TEXT,
  body TEXT NOT NULL,
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX audit_field_consultations_audit ON audit_field_consultations (field_audit_id, id);

-- Findings keep the audited organisation (the audit's) so that lists and counts are scoped without a join.
CREATE TABLE audit_field_findings (
  id {{id}},
  field_audit_id BIGINT NOT NULL REFERENCES audit_field_audits (id),
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  title TEXT NOT NULL,
  case_type TEXT NOT NULL,
  description TEXT NOT NULL,
  amount BIGINT NOT NULL,
  recommendation TEXT NOT NULL,
  action TEXT NOT NULL,
  due_date TEXT NOT NULL,
  source TEXT NOT NULL,
  state TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX audit_field_findings_audit ON audit_field_findings (field_audit_id, id);
CREATE INDEX audit_field_findings_state ON audit_field_findings (organization_id, state, due_date);

-- The follow-up of a finding: reports, returns with their reasons, the confirmation.
CREATE TABLE audit_field_follow_ups (
  id {{id}},
  finding_id BIGINT NOT NULL REFERENCES audit_field_findings (id),
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX audit_field_follow_ups_finding ON audit_field_follow_ups (finding_id, id);
