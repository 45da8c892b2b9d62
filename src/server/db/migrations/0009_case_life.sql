-- The whole life of a case: where and what kind of help, who pays, the
-- household it is for, the next Hilfeplangespräch, and how it ended. Every
-- column has a default, so each existing case stays as it was.
ALTER TABLE cases
  ADD COLUMN district text NOT NULL DEFAULT '',
  ADD COLUMN help_kind text NOT NULL DEFAULT 'other',
  ADD COLUMN payer text NOT NULL DEFAULT '',
  ADD COLUMN payer_contact text NOT NULL DEFAULT '',
  ADD COLUMN next_help_plan_date date,
  ADD COLUMN household jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN end_date date,
  ADD COLUMN closing_reason text,
  ADD COLUMN follow_up_help text NOT NULL DEFAULT '',
  ADD COLUMN closing_note text NOT NULL DEFAULT '';

-- Hilfeart as a code: existing cases named it in free text ("SPFH (§ 31 SGB VIII)").
UPDATE cases SET help_kind = CASE
  WHEN help_type ~* '35\s*a' THEN 'sgb8_35a'
  WHEN help_type ~* '§\s*27' THEN 'sgb8_27_2'
  WHEN help_type ~* '§\s*28' OR help_type ~* 'erziehungsberatung' THEN 'sgb8_28'
  WHEN help_type ~* '§\s*29' OR help_type ~* 'soziale gruppenarbeit' THEN 'sgb8_29'
  WHEN help_type ~* '§\s*30' OR help_type ~* 'erziehungsbeistand' THEN 'sgb8_30'
  WHEN help_type ~* '§\s*31' OR help_type ~* 'spfh' THEN 'sgb8_31'
  WHEN help_type ~* '§\s*35' OR help_type ~* '\mise\M' THEN 'sgb8_35'
  WHEN help_type ~* '§\s*41' THEN 'sgb8_41'
  WHEN help_type ~* 'stadtteil' THEN 'neighbourhood'
  ELSE 'other'
END;
ALTER TABLE cases ADD CONSTRAINT cases_help_kind_check CHECK (help_kind IN (
  'sgb8_27_2', 'sgb8_28', 'sgb8_29', 'sgb8_30', 'sgb8_31', 'sgb8_35', 'sgb8_35a', 'sgb8_41',
  'neighbourhood', 'other'));
ALTER TABLE cases ADD CONSTRAINT cases_closing_reason_check CHECK (closing_reason IN (
  'goals_met', 'ended_by_guardians', 'ended_by_young_person', 'ended_by_provider',
  'responsibility_changed', 'other'));

-- A worker asks to close; the lead confirms.
ALTER TABLE cases DROP CONSTRAINT cases_status_check;
ALTER TABLE cases ADD CONSTRAINT cases_status_check CHECK (status IN ('open', 'closure_requested', 'closed'));

-- Cases closed before "Ende" existed ended the day they were closed.
UPDATE cases SET end_date = closed_at::date WHERE status = 'closed' AND end_date IS NULL;
