-- Sessions that end: short-lived access tokens renewed with rotating refresh
-- tokens, and revocation of a device or a user by a lead (issue 5).
--
-- A login starts a token family: one access token (sessions) and one refresh
-- token (refresh_tokens) at a time. Each refresh uses up the refresh token and
-- hands out a new pair of the same family; a used refresh token presented again
-- (stolen and replayed) revokes the family. Revoked rows are kept (marked), so
-- the device learns "revoked" - and wipes itself - instead of "log in again".
ALTER TABLE sessions
  ADD COLUMN device_id text,
  ADD COLUMN family_id uuid,
  ADD COLUMN revoked_at timestamptz;
CREATE INDEX sessions_family_idx ON sessions (family_id);
CREATE INDEX sessions_device_idx ON sessions (device_id) WHERE device_id IS NOT NULL;

CREATE TABLE refresh_tokens (
  token_hash text PRIMARY KEY,
  family_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  device_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

-- A revoked user can no longer log in or use any session.
ALTER TABLE users ADD COLUMN revoked_at timestamptz;

-- A device revoked by a team's lead: no session of that team's users works from it.
CREATE TABLE revoked_devices (
  device_id text NOT NULL,
  team_id uuid NOT NULL REFERENCES teams (id),
  revoked_at timestamptz NOT NULL DEFAULT now(),
  revoked_by uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (device_id, team_id)
);

ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
  CHECK (action IN ('login', 'login_failed', 'login_rate_limited', 'logout', 'pull', 'push', 'events',
                    'team_devices', 'case_audit', 'case_export', 'retention_erased',
                    'refresh', 'refresh_reused', 'revoked_refused', 'device_revoked', 'user_revoked'));
