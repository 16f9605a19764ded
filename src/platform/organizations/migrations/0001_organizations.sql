-- Organisations form a tree (province → bureaus → divisions; province → 시·군 → departments; agencies).
-- Rows are never deleted: other records point at them. `path` ("/1/12/") makes subtree checks a prefix test.
CREATE TABLE organizations (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  parent_id BIGINT REFERENCES organizations (id),
  path TEXT NOT NULL,
  sort_order BIGINT NOT NULL DEFAULT 0,
  active BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX organizations_parent ON organizations (parent_id);
CREATE INDEX organizations_path ON organizations (path);

-- Former names, kept when an organisation is renamed (전라북도 → 전북특별자치도, 2024-01-18).
CREATE TABLE organization_names (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  name TEXT NOT NULL,
  valid_until BIGINT NOT NULL,
  changed_by BIGINT,
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX organization_names_organization ON organization_names (organization_id);
