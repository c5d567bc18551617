-- Sign-in: single sign-on states kept between the redirect and the callback, the last sign-in of
-- each account, and indexes for the admins' filtered audit log. PostgreSQL 15 features only.

ALTER TABLE users ADD COLUMN last_signin_at timestamptz;

-- One row per started single sign-on: the browser holds the state in a cookie, the database
-- holds what the callback needs to finish it (web processes are stateless).
CREATE TABLE signin_states (
  -- sha256 of the state value sent to the provider
  id             text PRIMARY KEY,
  code_verifier  text NOT NULL,
  nonce          text NOT NULL,
  next_path      text NOT NULL DEFAULT '/',
  expires_at     timestamptz NOT NULL
);

CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_user ON audit_log (user_id);
CREATE INDEX tokens_user ON tokens (user_id);
CREATE INDEX users_person ON users (person_id);
