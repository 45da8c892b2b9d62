-- Failed logins, counted where every server instance sees them: two instances
-- behind one PostgreSQL share one count (services/login-rate-limit.ts). A row
-- per failure and key (the client address, or username at that address); rows
-- older than the longest window are pruned as new failures come in.
CREATE TABLE login_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX login_failures_key_at_idx ON login_failures (key, at);
CREATE INDEX login_failures_at_idx ON login_failures (at);
