-- The full working day: note templates, billable time, goals and the visit a note
-- documents, § 8a acknowledgement, approved hours per case, help-plan goals,
-- comments on notes, the team's network partners, and device status.
--
-- New columns of existing tables default to what the shared zod schemas default
-- to, so rows written before this migration read as records an older app implied.
-- New synced tables are shaped like the others (0001, 0003): seq and version for
-- sync and merge, field_meta and conflicts for the per-field merge, deleted_at as
-- tombstone.

ALTER TABLE notes
  ADD COLUMN template text NOT NULL DEFAULT 'free' CHECK (template IN ('free', 'home_visit')),
  ADD COLUMN occasion text NOT NULL DEFAULT '',
  ADD COLUMN observations text NOT NULL DEFAULT '',
  ADD COLUMN talked_with text NOT NULL DEFAULT '',
  ADD COLUMN agreements text NOT NULL DEFAULT '',
  ADD COLUMN next_steps text NOT NULL DEFAULT '',
  ADD COLUMN travel_minutes integer NOT NULL DEFAULT 0,
  ADD COLUMN kilometres double precision NOT NULL DEFAULT 0,
  -- Not a foreign key per goal: a goal deleted meanwhile must not break the note.
  ADD COLUMN goal_ids jsonb NOT NULL DEFAULT '[]',
  -- Appointments are tombstoned, never removed, so the reference always resolves.
  ADD COLUMN appointment_id uuid REFERENCES appointments (id),
  ADD COLUMN concern_acknowledged_at timestamptz,
  ADD COLUMN concern_acknowledged_by uuid REFERENCES users (id);
CREATE INDEX notes_appointment_idx ON notes (appointment_id) WHERE appointment_id IS NOT NULL;

-- Fachleistungsstunden per month from the help plan, in quarter hours (exact in a double).
ALTER TABLE cases ADD COLUMN approved_hours_per_month double precision NOT NULL DEFAULT 0;

-- The team's directory of local network partners: every member sees it, leads edit it.
CREATE TABLE partners (
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  name text NOT NULL,
  organisation text NOT NULL,
  services text NOT NULL,
  contact text NOT NULL,
  district text NOT NULL,
  version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES users (id),
  seq bigint NOT NULL,
  field_meta jsonb NOT NULL DEFAULT '{}',
  conflicts jsonb NOT NULL DEFAULT '[]',
  deleted_at timestamptz
);
CREATE INDEX partners_seq_idx ON partners (seq);
CREATE INDEX partners_team_seq_idx ON partners (team_id, seq);

ALTER TABLE pre_consultations ADD COLUMN referral_partner_id uuid REFERENCES partners (id);

-- Help-plan goals (Hilfeplanziele): children of a case like notes and appointments.
CREATE TABLE goals (
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  title text NOT NULL,
  description text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'achieved', 'dropped')),
  version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES users (id),
  seq bigint NOT NULL,
  field_meta jsonb NOT NULL DEFAULT '{}',
  conflicts jsonb NOT NULL DEFAULT '[]',
  deleted_at timestamptz
);
CREATE INDEX goals_seq_idx ON goals (seq);
CREATE INDEX goals_team_seq_idx ON goals (team_id, seq);
CREATE INDEX goals_case_idx ON goals (case_id);

-- Comments on notes: children of the note's case (who sees the case sees them).
CREATE TABLE comments (
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  note_id uuid NOT NULL REFERENCES notes (id),
  author_id uuid NOT NULL REFERENCES users (id),
  text text NOT NULL,
  version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES users (id),
  seq bigint NOT NULL,
  field_meta jsonb NOT NULL DEFAULT '{}',
  conflicts jsonb NOT NULL DEFAULT '[]',
  deleted_at timestamptz
);
CREATE INDEX comments_seq_idx ON comments (seq);
CREATE INDEX comments_team_seq_idx ON comments (team_id, seq);
CREATE INDEX comments_case_idx ON comments (case_id);
CREATE INDEX comments_note_idx ON comments (note_id);

-- What each device last reported about its outbox, and when the server last heard
-- from it. Not synced; leads read it for their team (GET /api/team/devices). One
-- row per device and user: a shared phone reports per person signed in.
CREATE TABLE devices (
  device_id text NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  reported_at timestamptz,
  pending_count integer NOT NULL DEFAULT 0,
  oldest_pending_at timestamptz,
  PRIMARY KEY (device_id, user_id)
);
CREATE INDEX devices_user_idx ON devices (user_id);

-- Reads beyond the pull that the audit trail records: the live event stream
-- (which notes carry a § 8a concern) and the lead's view of the team's devices.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
  CHECK (action IN ('login', 'login_failed', 'logout', 'pull', 'push', 'events', 'team_devices'));
