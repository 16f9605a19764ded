-- Records of 건의사항 (suggestions). Each belongs to an organisation, whose materialised path decides who may see it;
-- rows are kept (the change history refers to them). Tables of this module start with its name.
CREATE TABLE suggestions (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  title TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX suggestions_organization ON suggestions (organization_id);
CREATE INDEX suggestions_created ON suggestions (created_at);
