// A team's settings (migrations 0007, 0008), changed by its lead. Members read
// them through their session (users.ts sessionUserColumns), not from here.
import type { TeamSettings } from '../../shared/protocol';
import type { Queryable } from '../db/database';

const settingsColumns =
  'lock_after_minutes AS "lockAfterMinutes", districts, emergency_contact AS "emergencyContact"';

/** The team's settings (with `lock`, locked until the transaction ends); null for an unknown team. */
export async function findTeamSettings(
  db: Queryable,
  teamId: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<TeamSettings | null> {
  const rows = await db.query<TeamSettings & Record<string, unknown>>(
    `SELECT ${settingsColumns} FROM teams WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [teamId],
  );
  return rows[0] ?? null;
}

/** Stores the settings; returns them as stored. */
export async function updateTeamSettings(
  tx: Queryable,
  teamId: string,
  settings: TeamSettings,
): Promise<TeamSettings | null> {
  const rows = await tx.query<TeamSettings & Record<string, unknown>>(
    `UPDATE teams SET lock_after_minutes = $2, districts = $3::jsonb, emergency_contact = $4
     WHERE id = $1 RETURNING ${settingsColumns}`,
    [teamId, settings.lockAfterMinutes, JSON.stringify(settings.districts), settings.emergencyContact],
  );
  return rows[0] ?? null;
}
