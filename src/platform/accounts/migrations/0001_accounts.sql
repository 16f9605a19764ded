-- Accounts belong to one organisation and hold one or more roles. Never deleted: deactivated instead.
CREATE TABLE accounts (
  id {{id}},
  login_id TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  position TEXT NOT NULL DEFAULT '',
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  password_hash TEXT NOT NULL,
  must_change_password BIGINT NOT NULL DEFAULT 1,
  failed_logins BIGINT NOT NULL DEFAULT 0,
  locked_until BIGINT NOT NULL DEFAULT 0,
  active BIGINT NOT NULL DEFAULT 1,
  last_login_at BIGINT,
  password_changed_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX accounts_organization ON accounts (organization_id);

CREATE TABLE account_roles (
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  role TEXT NOT NULL,
  PRIMARY KEY (account_id, role)
);

-- Sessions live in the database so that every node accepts them; only the token's hash is stored.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  remote_address TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE api_tokens (
  id {{id}},
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT,
  revoked_at BIGINT,
  last_used_at BIGINT
);
