-- The sign-in throttle counts recent failed sign-ins (per address and in all) on every attempt: this index
-- holds only those entries, by time, so the count reads a few rows however long the log grows.
CREATE INDEX history_entries_sign_in_failures ON history_entries (occurred_at)
  WHERE kind = 'access' AND action IN ('login_failed', 'login_locked');
