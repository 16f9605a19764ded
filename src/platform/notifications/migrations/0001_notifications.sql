-- A person's inbox (알림) and their choice of e-mail delivery: immediate, daily or weekly digest, or none.
CREATE TABLE notifications (
  id {{id}},
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  read_at BIGINT
);
CREATE INDEX notifications_unread ON notifications (account_id, read_at);
CREATE TABLE notification_preferences (
  account_id BIGINT PRIMARY KEY REFERENCES accounts (id),
  delivery TEXT NOT NULL DEFAULT 'immediate',
  last_digest_at BIGINT NOT NULL DEFAULT 0
);
