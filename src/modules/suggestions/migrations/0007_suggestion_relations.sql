-- How suggestions relate: a duplicate merged into the one that carries on (merged_into), a sub-item of a
-- larger agenda item whose progress rolls up (parent_id), and links between related items (both directions
-- stored, so that either side lists the other with one indexed read).
ALTER TABLE suggestions ADD COLUMN merged_into BIGINT REFERENCES suggestions (id);
ALTER TABLE suggestions ADD COLUMN parent_id BIGINT REFERENCES suggestions (id);
CREATE INDEX suggestions_parent ON suggestions (parent_id);
CREATE INDEX suggestions_merged_into ON suggestions (merged_into);

CREATE TABLE suggestion_links (
  suggestion_id BIGINT NOT NULL REFERENCES suggestions (id),
  related_id BIGINT NOT NULL REFERENCES suggestions (id),
  created_by BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL,
  PRIMARY KEY (suggestion_id, related_id)
);
