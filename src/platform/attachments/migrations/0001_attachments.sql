-- Attachments of any record (owner_type + owner_id), stored in the database so every node serves them.
-- A deleted attachment keeps its row and content (deleted_at/deleted_by set): the history refers to it and
-- an auditor may need what was removed; only the lists and downloads hide it.
CREATE TABLE attachments (
  id {{id}},
  owner_type TEXT NOT NULL,
  owner_id BIGINT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content {{blob}} NOT NULL,
  uploaded_by BIGINT NOT NULL,
  uploaded_at BIGINT NOT NULL,
  deleted_at BIGINT,
  deleted_by BIGINT
);
CREATE INDEX attachments_owner ON attachments (owner_type, owner_id);
