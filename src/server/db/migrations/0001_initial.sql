-- Initial schema. Migrations are only ever added, never edited.
--
-- Every synced table carries `seq`: the value of sync_counter at the moment the
-- row was last written (see repositories/sync-sequence.ts for why that makes the
-- pull cursor safe), and `version`, incremented on every change (the base of the
-- per-field three-way merge).

CREATE TABLE sync_counter (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  value bigint NOT NULL
);
INSERT INTO sync_counter (id, value) VALUES (true, 0);

CREATE TABLE teams (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  username text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('worker', 'lead')),
  password_hash text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  seq bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE INDEX users_team_seq_idx ON users (team_id, seq);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE cases (
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  reference text NOT NULL,
  family_name text NOT NULL,
  clients text NOT NULL,
  address text NOT NULL,
  phone text NOT NULL,
  help_type text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  start_date date NOT NULL,
  assigned_to uuid NOT NULL REFERENCES users (id),
  source_pre_consultation_id uuid,
  version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES users (id),
  seq bigint NOT NULL
);
CREATE INDEX cases_seq_idx ON cases (seq);
CREATE INDEX cases_team_seq_idx ON cases (team_id, seq);
CREATE INDEX cases_assigned_to_idx ON cases (assigned_to);

CREATE TABLE notes (
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  author_id uuid NOT NULL REFERENCES users (id),
  date date NOT NULL,
  kind text NOT NULL,
  duration_minutes integer NOT NULL,
  text text NOT NULL,
  concern8a boolean NOT NULL,
  reviewed_at timestamptz,
  reviewed_by uuid REFERENCES users (id),
  version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES users (id),
  seq bigint NOT NULL
);
CREATE INDEX notes_seq_idx ON notes (seq);
CREATE INDEX notes_team_seq_idx ON notes (team_id, seq);
CREATE INDEX notes_case_idx ON notes (case_id);

CREATE TABLE appointments (
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  worker_id uuid NOT NULL REFERENCES users (id),
  date date NOT NULL,
  time text NOT NULL,
  duration_minutes integer NOT NULL,
  place text NOT NULL,
  kind text NOT NULL,
  status text NOT NULL,
  version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES users (id),
  seq bigint NOT NULL
);
CREATE INDEX appointments_seq_idx ON appointments (seq);
CREATE INDEX appointments_team_seq_idx ON appointments (team_id, seq);
CREATE INDEX appointments_case_idx ON appointments (case_id);
CREATE INDEX appointments_worker_idx ON appointments (worker_id);

CREATE TABLE pre_consultations (
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  worker_id uuid NOT NULL REFERENCES users (id),
  date date NOT NULL,
  contact text NOT NULL,
  concern text NOT NULL,
  advice text NOT NULL,
  outcome text NOT NULL,
  converted_case_id uuid REFERENCES cases (id),
  version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES users (id),
  seq bigint NOT NULL
);
CREATE INDEX pre_consultations_seq_idx ON pre_consultations (seq);
CREATE INDEX pre_consultations_team_seq_idx ON pre_consultations (team_id, seq);
CREATE INDEX pre_consultations_worker_idx ON pre_consultations (worker_id);

-- Every mutation applied, written in the same transaction as the record change:
-- a retried push finds its id here and changes nothing. `data` and the versions
-- keep which fields changed at which version, for the per-field three-way merge.
CREATE TABLE applied_mutations (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  device_id text,
  entity text NOT NULL,
  op text NOT NULL,
  record_id uuid NOT NULL,
  base_version integer,
  result_version integer NOT NULL,
  data jsonb NOT NULL,
  client_time timestamptz NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX applied_mutations_record_idx ON applied_mutations (entity, record_id, result_version);
