-- Data linkage (전산감사): imported data sets, the declared scenarios run over them, and the runs' flagged rows.
-- A data set is kept as the linkage engine's columns, serialized and split into chunks: resident numbers were
-- hashed at import (with a key kept outside the database) and appear nowhere, not even in an upload waiting
-- for its column mapping, which is sealed with the uploader's session.

-- An upload between its preview and its import: the file, encrypted so that only the uploader's session can
-- read it back, deleted on import or an hour after it was sent.
CREATE TABLE audit_linkage_uploads (
  id {{id}},
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sealed {{blob}} NOT NULL,
  uploaded_by BIGINT NOT NULL REFERENCES accounts (id),
  uploaded_at BIGINT NOT NULL
);

-- A data set: what it is, whose, why and under which law it is held, until when (a job deletes its rows
-- then and keeps this record, marked disposed).
CREATE TABLE audit_datasets (
  id {{id}},
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  purpose TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  retention_until TEXT NOT NULL,
  file_name TEXT NOT NULL,
  row_count BIGINT NOT NULL,
  byte_size BIGINT NOT NULL,
  columns TEXT NOT NULL,
  owner_id BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL,
  disposed_at BIGINT
);
CREATE INDEX audit_datasets_retention ON audit_datasets (retention_until);

CREATE TABLE audit_dataset_chunks (
  dataset_id BIGINT NOT NULL REFERENCES audit_datasets (id),
  seq INTEGER NOT NULL,
  bytes {{blob}} NOT NULL,
  PRIMARY KEY (dataset_id, seq)
);

-- Every access to a data set's rows: its import, each run over it, each look at a flagged row's evidence,
-- each export, its disposal.
CREATE TABLE audit_dataset_access (
  id {{id}},
  dataset_id BIGINT NOT NULL REFERENCES audit_datasets (id),
  account_id BIGINT REFERENCES accounts (id),
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  remote_address TEXT NOT NULL DEFAULT '',
  at BIGINT NOT NULL
);
CREATE INDEX audit_dataset_access_dataset ON audit_dataset_access (dataset_id, id);

-- A scenario's versions: `code` names the scenario, `version` counts its saves; a run names the exact version.
CREATE TABLE audit_scenarios (
  id {{id}},
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  rule TEXT NOT NULL,
  shipped INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES accounts (id),
  created_at BIGINT NOT NULL,
  UNIQUE (code, version)
);

CREATE TABLE audit_linkage_runs (
  id {{id}},
  scenario_id BIGINT NOT NULL REFERENCES audit_scenarios (id),
  primary_dataset_id BIGINT NOT NULL REFERENCES audit_datasets (id),
  secondary_dataset_id BIGINT REFERENCES audit_datasets (id),
  flagged BIGINT NOT NULL,
  kept BIGINT NOT NULL,
  total_amount BIGINT NOT NULL,
  milliseconds BIGINT NOT NULL,
  run_by BIGINT NOT NULL REFERENCES accounts (id),
  run_at BIGINT NOT NULL
);

-- Totals per 시·군 of a run, over every flagged row.
CREATE TABLE audit_linkage_totals (
  run_id BIGINT NOT NULL REFERENCES audit_linkage_runs (id),
  region TEXT NOT NULL,
  flagged BIGINT NOT NULL,
  total_amount BIGINT NOT NULL,
  PRIMARY KEY (run_id, region)
);

-- The flagged rows a run keeps (the largest amounts first when there are more than it keeps): the row's
-- label, 시·군 and amount, and its evidence as display text (people as their hash's short label), so that a
-- flag can be read without loading the data sets again; `finding` names the field-audit finding it became.
CREATE TABLE audit_linkage_flags (
  id {{id}},
  run_id BIGINT NOT NULL REFERENCES audit_linkage_runs (id),
  seq INTEGER NOT NULL,
  row_number BIGINT NOT NULL,
  label TEXT NOT NULL,
  region TEXT NOT NULL,
  amount BIGINT NOT NULL,
  evidence TEXT NOT NULL,
  finding_id BIGINT,
  UNIQUE (run_id, seq)
);
