-- Tables are named after their module (docs/decisions/0004-table-ownership.md): sessions and api_tokens
-- become account_sessions and account_api_tokens. An index keeps its name when its table is renamed and
-- SQLite has no ALTER INDEX, so the sessions index is made again under its new name.
ALTER TABLE sessions RENAME TO account_sessions;
ALTER TABLE api_tokens RENAME TO account_api_tokens;
DROP INDEX sessions_account;
CREATE INDEX account_sessions_account ON account_sessions (account_id);
