-- Team settings a lead changes (PUT /api/team/settings): how many minutes
-- without input the app waits before it locks (issue 5). Every member's session
-- carries the value (SessionUser.lockAfterMinutes), so devices learn it at their
-- next login, refresh or GET /api/auth/me. The bounds are those of
-- LOCK_AFTER_MINUTES_MIN/MAX in src/shared/protocol.ts.
ALTER TABLE teams ADD COLUMN lock_after_minutes integer NOT NULL DEFAULT 10
  CONSTRAINT teams_lock_after_minutes_check CHECK (lock_after_minutes BETWEEN 1 AND 120);

ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
  CHECK (action IN ('login', 'login_failed', 'login_rate_limited', 'logout', 'pull', 'push', 'events',
                    'team_devices', 'case_audit', 'case_export', 'retention_erased',
                    'refresh', 'refresh_reused', 'revoked_refused', 'device_revoked', 'user_revoked',
                    'team_settings_changed'));
