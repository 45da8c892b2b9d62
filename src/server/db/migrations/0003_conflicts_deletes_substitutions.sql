-- Conflicts, deletes, note amendments, substitutions and scope changes.
--
-- field_meta: per field, the version that last changed it and who, when (the
--   device's clientTime) and from which device: the base of the per-field
--   three-way merge (services/merge/field-merge.ts). '_deleted' holds the delete.
-- conflicts: the open conflicts of the record, every candidate kept (shared Conflict).
-- deleted_at: tombstone; the row stays so the delete reaches every device as a
--   removal. Cases are closed, never deleted; the column keeps the SQL uniform.

ALTER TABLE cases
  ADD COLUMN field_meta jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN conflicts jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN deleted_at timestamptz;
ALTER TABLE notes
  ADD COLUMN field_meta jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN conflicts jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN deleted_at timestamptz,
  ADD COLUMN amendments jsonb NOT NULL DEFAULT '[]';
ALTER TABLE appointments
  ADD COLUMN field_meta jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN conflicts jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN deleted_at timestamptz;
ALTER TABLE pre_consultations
  ADD COLUMN field_meta jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN conflicts jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN deleted_at timestamptz;

-- A lead grants a substitute a case for a period (both days inclusive).
-- grants_access: whether the grant is in force as last materialised (at the write,
-- or by the substitution-period tick when a period starts or ends); visibility
-- reads this flag, never the clock, so it always agrees with scope_changes.
CREATE TABLE substitutions (
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  substitute_id uuid NOT NULL REFERENCES users (id),
  from_date date NOT NULL,
  until_date date NOT NULL,
  grants_access boolean NOT NULL DEFAULT false,
  version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES users (id),
  seq bigint NOT NULL,
  field_meta jsonb NOT NULL DEFAULT '{}',
  conflicts jsonb NOT NULL DEFAULT '[]',
  deleted_at timestamptz
);
CREATE INDEX substitutions_seq_idx ON substitutions (seq);
CREATE INDEX substitutions_team_seq_idx ON substitutions (team_id, seq);
CREATE INDEX substitutions_case_idx ON substitutions (case_id);
CREATE INDEX substitutions_substitute_idx ON substitutions (substitute_id) WHERE deleted_at IS NULL;

-- "User U gained / lost case C", written in the transaction that changed the
-- assignment or the substitution, with a seq from sync_counter like every synced
-- row. A loss becomes a removal in U's next pull (repositories/changes.ts).
CREATE TABLE scope_changes (
  seq bigint PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  gained boolean NOT NULL,
  reason text NOT NULL CHECK (reason IN ('assigned', 'reassigned', 'substitution_started', 'substitution_ended')),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scope_changes_user_seq_idx ON scope_changes (user_id, seq);
CREATE INDEX scope_changes_user_case_idx ON scope_changes (user_id, case_id);

-- Records written before this migration get their field history from the applied
-- mutations, so the first merge after an upgrade already knows who changed what.
CREATE TEMPORARY TABLE field_history ON COMMIT DROP AS
SELECT entity, record_id, jsonb_object_agg(field, jsonb_build_object(
  'version', result_version,
  'userId', user_id,
  'deviceId', device_id,
  'at', to_char(client_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
)) AS meta
FROM (
  SELECT DISTINCT ON (entity, record_id, field) entity, record_id, field, result_version, user_id, device_id, client_time
  FROM applied_mutations, jsonb_object_keys(data) AS field
  ORDER BY entity, record_id, field, result_version DESC
) AS latest
GROUP BY entity, record_id;

UPDATE cases t SET field_meta = h.meta FROM field_history h WHERE h.entity = 'case' AND h.record_id = t.id;
UPDATE notes t SET field_meta = h.meta FROM field_history h WHERE h.entity = 'note' AND h.record_id = t.id;
UPDATE appointments t SET field_meta = h.meta
  FROM field_history h WHERE h.entity = 'appointment' AND h.record_id = t.id;
UPDATE pre_consultations t SET field_meta = h.meta
  FROM field_history h WHERE h.entity = 'preConsultation' AND h.record_id = t.id;
