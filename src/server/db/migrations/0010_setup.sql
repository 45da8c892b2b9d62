-- The set-up of an empty installation: the server prints a one-time code at
-- start while nobody can sign in; whoever types it sets up the organisation, its
-- first team and its first administrator. Only the code's SHA-256 is kept, and
-- only one code at a time (the one row; a new start replaces it, a set-up
-- deletes it).
CREATE TABLE setup_code (
  only_one boolean PRIMARY KEY DEFAULT true CONSTRAINT setup_code_only_one CHECK (only_one),
  code_hash text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
  CHECK (action IN ('login', 'login_failed', 'login_rate_limited', 'logout', 'pull', 'push', 'events',
                    'team_devices', 'case_audit', 'case_export', 'retention_erased',
                    'refresh', 'refresh_reused', 'revoked_refused', 'device_revoked', 'user_revoked',
                    'team_settings_changed',
                    'setup_code_issued', 'setup_completed', 'setup_failed',
                    'password_changed', 'password_change_failed'));
