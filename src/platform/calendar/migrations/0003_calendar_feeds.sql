-- Calendar subscriptions (일정 구독): a person's secret address for one feed (a source such as 'holidays', and
-- for some sources a subject, e.g. a body). Only a BLAKE2b hash of the secret is kept: the address is shown
-- once when it is made. A revoked address keeps its row (revoked_at) for the history's sake and is never
-- answered again. `label` is what the person subscribed to, as named when the address was made.
CREATE TABLE calendar_feeds (
  id {{id}},
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  source TEXT NOT NULL,
  subject_id BIGINT,
  label TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT,
  last_used_at BIGINT
);
CREATE UNIQUE INDEX calendar_feeds_secret ON calendar_feeds (secret_hash);
CREATE INDEX calendar_feeds_account ON calendar_feeds (account_id);
