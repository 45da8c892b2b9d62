-- Data protection (issue 5): a per-case audit trail that nobody can rewrite,
-- deletion dates of closed cases and pre-consultations, and erasure tombstones.

-- Which cases an audit entry touched (the records a pull handed out or a push
-- changed, the case a lead viewed or exported), so a lead can list a case's trail.
ALTER TABLE audit_log ADD COLUMN case_ids uuid[] NOT NULL DEFAULT '{}';
CREATE INDEX audit_log_case_ids_idx ON audit_log USING gin (case_ids);

ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
  CHECK (action IN ('login', 'login_failed', 'login_rate_limited', 'logout', 'pull', 'push', 'events',
                    'team_devices', 'case_audit', 'case_export', 'retention_erased'));

-- Append-only: the server's own database role cannot change or remove an entry.
-- (A superuser can drop the trigger; that is outside what the application can do.)
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- When a case was closed: its deletion date is closed_at plus the retention
-- period of cases (services/retention.ts). Set by the database on every path
-- that closes or reopens a case, so no writer can forget it.
ALTER TABLE cases ADD COLUMN closed_at timestamptz;
UPDATE cases SET closed_at = updated_at WHERE status = 'closed';
CREATE FUNCTION cases_track_closed_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'closed' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'closed') THEN
    NEW.closed_at := now();
  ELSIF NEW.status <> 'closed' THEN
    NEW.closed_at := NULL;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER cases_closed_at BEFORE INSERT OR UPDATE OF status ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_track_closed_at();
CREATE INDEX cases_closed_at_idx ON cases (closed_at) WHERE closed_at IS NOT NULL;

-- Records erased when their retention period ended. The rows themselves are gone
-- (content and history); only the id stays here, with a seq from sync_counter, so
-- the removal reaches every device of the team through the normal pull.
CREATE TABLE erasures (
  seq bigint PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  entity text NOT NULL,
  record_id uuid NOT NULL,
  erased_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX erasures_team_seq_idx ON erasures (team_id, seq);
