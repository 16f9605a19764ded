-- The durable job queue (작업 대기열): mail, digests, reminders. A node claims one queued job at a time
-- (status running, locked_by, locked_until); a job whose lock expired (its node died) is queued again.
CREATE TABLE jobs (
  id {{id}},
  kind TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',
  run_at BIGINT NOT NULL,
  attempts BIGINT NOT NULL DEFAULT 0,
  max_attempts BIGINT NOT NULL DEFAULT 5,
  status TEXT NOT NULL DEFAULT 'queued',
  locked_by TEXT,
  locked_until BIGINT,
  last_error TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE INDEX jobs_due ON jobs (status, run_at, id);
