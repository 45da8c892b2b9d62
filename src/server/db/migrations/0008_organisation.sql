-- A real organisation instead of only the demo: the organisation itself (one
-- per installation), the role Administration, and team settings that reach
-- every member's device with their session (districts, emergency contact).
CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE teams
  ADD COLUMN organisation_id uuid REFERENCES organisations (id),
  ADD COLUMN districts jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN emergency_contact text NOT NULL DEFAULT '';

-- Installations from before have teams but no organisation: they get one.
INSERT INTO organisations (id, name)
  SELECT gen_random_uuid(), 'Feldakte' WHERE EXISTS (SELECT 1 FROM teams);
UPDATE teams SET organisation_id = (SELECT id FROM organisations LIMIT 1) WHERE organisation_id IS NULL;

-- Administration: the organisation's people and teams, no case content. A lead
-- may also administer (administers = true); role 'admin' always does.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('worker', 'lead', 'admin'));
ALTER TABLE users ADD COLUMN administers boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD CONSTRAINT users_admin_administers CHECK (role <> 'admin' OR administers);
