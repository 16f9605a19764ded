-- The change history and access log (변경이력 / 접속기록): one append-only table for both kinds.
-- Each entry's hash covers its fields and the previous entry's hash (BLAKE2b-256, hex), so an edited or
-- deleted row breaks the chain (`sotong history verify`). The application never updates a row and deletes
-- only through `sotong history prune`, which leaves a `prune` entry holding the last pruned hash.
-- No foreign keys: the log outlives the records and accounts it names.
CREATE TABLE history_entries (
  id {{id}},
  kind TEXT NOT NULL,
  occurred_at BIGINT NOT NULL,
  account_id BIGINT NOT NULL DEFAULT 0,
  login_id TEXT NOT NULL DEFAULT '',
  actor_name TEXT NOT NULL DEFAULT '',
  remote_address TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  record_type TEXT NOT NULL DEFAULT '',
  record_id BIGINT NOT NULL DEFAULT 0,
  subject TEXT NOT NULL DEFAULT '',
  before_data TEXT NOT NULL DEFAULT '',
  after_data TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX history_entries_login ON history_entries (login_id, id);
CREATE INDEX history_entries_record ON history_entries (record_type, record_id, id);
CREATE INDEX history_entries_time ON history_entries (occurred_at);
