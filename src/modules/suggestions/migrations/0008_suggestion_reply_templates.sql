-- Reply templates (회신 서식) a bureau keeps for the answers it writes often. Each belongs to one bureau;
-- deleting one marks it (deleted_at) so that the history can still name it.
CREATE TABLE suggestion_reply_templates (
  id {{id}},
  bureau_id BIGINT NOT NULL REFERENCES organizations (id),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  deleted_at BIGINT
);
CREATE INDEX suggestion_reply_templates_bureau ON suggestion_reply_templates (bureau_id, title);
