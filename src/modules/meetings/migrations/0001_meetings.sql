-- Records of 회의 (meetings). Each belongs to an organisation, whose materialised path decides who may see it;
-- rows are kept (the change history refers to them). Tables of this module start with its name.
CREATE TABLE meetings (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  title TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX meetings_organization ON meetings (organization_id);
CREATE INDEX meetings_created ON meetings (created_at);
