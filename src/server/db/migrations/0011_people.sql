-- People and their devices, managed in the app ("Team & Zugänge"): one-time
-- codes for invitations and password resets, whether a person has ever chosen a
-- password, the moves of a person to another team or role (their devices start
-- their pull over), and readable devices.

-- Invitation and reset codes: only their SHA-256 is stored, each is used once
-- and expires; a new code for a person replaces their unused ones.
CREATE TABLE one_time_codes (
  code_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  purpose text NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX one_time_codes_user_idx ON one_time_codes (user_id);

-- Invited people have not chosen a password yet (activated_at NULL, set by the
-- people service). Everyone from before, and whoever is created with a password
-- (demo seed, set-up), has one.
ALTER TABLE users ADD COLUMN activated_at timestamptz DEFAULT now();

-- A person moved to another team or given another role sees other records: their
-- devices learn it from the pull (by seq) and start over; edits they made before
-- the move are judged as the person was then (services/person-moves.ts).
CREATE TABLE person_moves (
  seq bigint PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  from_team_id uuid NOT NULL REFERENCES teams (id),
  from_role text NOT NULL,
  to_team_id uuid NOT NULL REFERENCES teams (id),
  to_role text NOT NULL,
  moved_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_moves_user_idx ON person_moves (user_id, seq);

-- Devices with a readable name: the browser's User-Agent (browser and system are
-- read from it when shown), first seen, and a name the person may give it.
ALTER TABLE devices
  ADD COLUMN user_agent text NOT NULL DEFAULT '',
  ADD COLUMN first_seen_at timestamptz,
  ADD COLUMN name text;
UPDATE devices SET first_seen_at = last_seen_at;
ALTER TABLE devices ALTER COLUMN first_seen_at SET NOT NULL;
ALTER TABLE devices ALTER COLUMN first_seen_at SET DEFAULT now();

ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
  CHECK (action IN ('login', 'login_failed', 'login_rate_limited', 'logout', 'pull', 'push', 'events',
                    'team_devices', 'case_audit', 'case_export', 'retention_erased',
                    'refresh', 'refresh_reused', 'revoked_refused', 'device_revoked', 'user_revoked',
                    'team_settings_changed',
                    'setup_code_issued', 'setup_completed', 'setup_failed',
                    'password_changed', 'password_change_failed',
                    'code_redeemed', 'code_redeem_failed', 'people_listed', 'person_created',
                    'person_changed', 'password_reset', 'person_blocked', 'person_unblocked',
                    'organisation_created', 'team_created', 'team_renamed', 'device_named'));
