// What a team tells its cases (migration 0008): the districts a case's
// "Stadtteil" is chosen from, and the Jugendamt / ASD emergency contact.
import type { Queryable } from '../db/database';

/** The team's districts as stored now; [] for an unknown team. */
export async function findTeamDistricts(tx: Queryable, teamId: string): Promise<string[]> {
  const rows = await tx.query<{ districts: unknown }>('SELECT districts FROM teams WHERE id = $1', [teamId]);
  const districts = rows[0]?.districts;
  return Array.isArray(districts) ? districts.filter((d): d is string => typeof d === 'string') : [];
}

/** Stores the districts and the emergency contact (the demo seed; leads use the team settings). */
export async function storeTeamProfile(
  tx: Queryable,
  teamId: string,
  profile: { districts: readonly string[]; emergencyContact: string },
): Promise<void> {
  await tx.query('UPDATE teams SET districts = $2::jsonb, emergency_contact = $3 WHERE id = $1', [
    teamId,
    JSON.stringify(profile.districts),
    profile.emergencyContact,
  ]);
}
