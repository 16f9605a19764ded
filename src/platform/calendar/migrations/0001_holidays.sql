-- The public-holiday calendar behind working days (근무일): one row per date, several holidays on one date
-- already merged ("어린이날·부처님오신날"). Rows from the shipped data carry source 'shipped'; an administrator's
-- new or edited row carries 'admin' and the start-up seed never overwrites it. A row an administrator deleted
-- stays as a tombstone (deleted = 1) so that the seed does not bring a shipped date back.
CREATE TABLE holidays (
  date TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  deleted BIGINT NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT
);
