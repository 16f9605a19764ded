-- One row per kind of data a process keeps in memory (the organisation directory, the holidays, a module's
-- figures): a random token that every write of that data replaces in its own transaction. A process keeps what
-- it computed beside the token it read first and computes again once the token differs, so several nodes, a
-- restored backup and a command-line run that changed the data are all seen at the next request.
CREATE TABLE cache_versions (
  name TEXT PRIMARY KEY,
  token TEXT NOT NULL
);
