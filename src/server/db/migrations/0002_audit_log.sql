-- Who read or changed case data, and when (Sozialdatenschutz: §§ 67 ff. SGB X).
-- Append-only. What a push changed in detail is in applied_mutations; this log
-- adds the reads (pulls) and the logins.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES users (id),
  device_id text,
  action text NOT NULL CHECK (action IN ('login', 'login_failed', 'logout', 'pull', 'push')),
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_user_at_idx ON audit_log (user_id, at);
