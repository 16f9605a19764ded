-- The audit-case library (감사사례): anonymised findings every official may read, entered by the audit office
-- by hand or approved from a finished consultation (consultation_id). case_type is a 비리유형 code
-- (audit_vocabulary.hpp), area a 분야 code (audit_case.hpp).
CREATE TABLE audit_cases (
  id {{id}},
  title TEXT NOT NULL,
  case_type TEXT NOT NULL,
  area TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  summary TEXT NOT NULL,
  prevention TEXT NOT NULL,
  year INTEGER NOT NULL,
  consultation_id BIGINT REFERENCES audit_consultations (id),
  created_by BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX audit_cases_type ON audit_cases (case_type, id);
CREATE INDEX audit_cases_consultation ON audit_cases (consultation_id);
