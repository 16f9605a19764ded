-- Records of 컨설팅 감사 (audit). Each belongs to an organisation, whose materialised path decides who may see it;
-- rows are kept (the change history refers to them). Tables of this module start with its name.
CREATE TABLE audit_field_audits (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  title TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX audit_field_audits_organization ON audit_field_audits (organization_id);
CREATE INDEX audit_field_audits_created ON audit_field_audits (created_at);
