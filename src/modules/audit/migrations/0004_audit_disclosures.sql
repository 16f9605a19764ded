-- Self-disclosures (자율적 시정·플리바겐): filed by an official for their organisation, read and decided by the
-- audit office only. Rows are kept (the change history refers to them). filed_year is the Korean calendar year
-- of filed_at, which the province-wide figures count by.
CREATE TABLE audit_disclosures (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT,
  mistake_kind TEXT NOT NULL,
  amount BIGINT,
  corrected TEXT NOT NULL,
  related_audit TEXT NOT NULL,
  filed_by BIGINT NOT NULL REFERENCES accounts (id),
  filed_at BIGINT NOT NULL,
  filed_year INTEGER NOT NULL,
  decision TEXT,
  decision_reasons TEXT NOT NULL,
  decided_by BIGINT REFERENCES accounts (id),
  decided_at BIGINT
);
CREATE INDEX audit_disclosures_year ON audit_disclosures (filed_year);
CREATE INDEX audit_disclosures_title ON audit_disclosures (title);
