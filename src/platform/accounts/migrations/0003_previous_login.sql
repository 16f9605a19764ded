-- The sign-in before the current one: the home page shows it ("지난 로그인"), so that a person notices a
-- sign-in that was not theirs. last_login_at is the current one, set as the session opens.
ALTER TABLE accounts ADD COLUMN previous_login_at BIGINT;
