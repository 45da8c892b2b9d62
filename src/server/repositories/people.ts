// The organisation's people and teams as "Team & Zugänge" shows and changes them.
// A person is a row of users; changes that members' devices show (name, role,
// team) take a new seq and version, so the member record reaches them in the pull.
import type { Role } from '../../shared/records';
import type { Queryable } from '../db/database';
import { nextSeq } from './sync-sequence';

export interface TeamRow {
  id: string;
  name: string;
  organisationId: string;
}

export async function findTeam(db: Queryable, teamId: string): Promise<TeamRow | null> {
  const rows = await db.query<TeamRow & Record<string, unknown>>(
    'SELECT id, name, organisation_id AS "organisationId" FROM teams WHERE id = $1',
    [teamId],
  );
  return rows[0] ?? null;
}

export async function findTeamByName(
  db: Queryable,
  organisationId: string,
  name: string,
): Promise<TeamRow | null> {
  const rows = await db.query<TeamRow & Record<string, unknown>>(
    `SELECT id, name, organisation_id AS "organisationId" FROM teams
     WHERE organisation_id = $1 AND lower(name) = lower($2) ORDER BY id LIMIT 1`,
    [organisationId, name],
  );
  return rows[0] ?? null;
}

export async function listTeams(db: Queryable, organisationId: string): Promise<TeamRow[]> {
  return db.query<TeamRow & Record<string, unknown>>(
    `SELECT id, name, organisation_id AS "organisationId" FROM teams
     WHERE organisation_id = $1 ORDER BY lower(name), id`,
    [organisationId],
  );
}

export async function renameTeam(tx: Queryable, teamId: string, name: string): Promise<void> {
  await tx.query('UPDATE teams SET name = $2 WHERE id = $1', [teamId, name]);
}

export interface OrganisationRow {
  id: string;
  name: string;
}

export async function findOrganisation(
  db: Queryable,
  organisationId: string,
): Promise<OrganisationRow | null> {
  const rows = await db.query<OrganisationRow & Record<string, unknown>>(
    'SELECT id, name FROM organisations WHERE id = $1',
    [organisationId],
  );
  return rows[0] ?? null;
}

/** The installation's organisations (one, or none before the set-up). */
export async function listOrganisations(db: Queryable): Promise<OrganisationRow[]> {
  return db.query<OrganisationRow & Record<string, unknown>>(
    'SELECT id, name FROM organisations ORDER BY created_at, id',
  );
}

export interface PersonRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  administers: boolean;
  teamId: string;
  organisationId: string;
  revokedAt: Date | null;
  activatedAt: Date | null;
  openCaseCount: number;
}

const personColumns = `u.id, u.username, u.display_name AS "displayName", u.role, u.administers,
  u.team_id AS "teamId", t.organisation_id AS "organisationId", u.revoked_at AS "revokedAt",
  u.activated_at AS "activatedAt",
  (SELECT count(*)::int FROM cases c
   WHERE c.assigned_to = u.id AND c.status <> 'closed' AND c.deleted_at IS NULL) AS "openCaseCount"`;

export async function findPerson(db: Queryable, userId: string, lock = false): Promise<PersonRow | null> {
  const rows = await db.query<PersonRow & Record<string, unknown>>(
    `SELECT ${personColumns} FROM users u JOIN teams t ON t.id = u.team_id WHERE u.id = $1
     ${lock ? 'FOR UPDATE OF u' : ''}`,
    [userId],
  );
  return rows[0] ?? null;
}

export async function findPersonByUsername(db: Queryable, username: string): Promise<PersonRow | null> {
  const rows = await db.query<PersonRow & Record<string, unknown>>(
    `SELECT ${personColumns} FROM users u JOIN teams t ON t.id = u.team_id WHERE lower(u.username) = lower($1)`,
    [username],
  );
  return rows[0] ?? null;
}

/** The people of the organisation, or of one team of it. */
export async function listPeople(
  db: Queryable,
  scope: { organisationId: string; teamId: string | null },
): Promise<PersonRow[]> {
  return db.query<PersonRow & Record<string, unknown>>(
    `SELECT ${personColumns} FROM users u JOIN teams t ON t.id = u.team_id
     WHERE t.organisation_id = $1 AND ($2::uuid IS NULL OR u.team_id = $2::uuid)
     ORDER BY lower(u.display_name), u.id`,
    [scope.organisationId, scope.teamId],
  );
}

export async function isUsernameTaken(db: Queryable, username: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username]);
  return rows.length > 0;
}

/** People other than `exceptUserId` who administer the organisation and are not blocked. */
export async function countOtherAdministrators(
  db: Queryable,
  organisationId: string,
  exceptUserId: string,
): Promise<number> {
  const rows = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM users u JOIN teams t ON t.id = u.team_id
     WHERE t.organisation_id = $1 AND u.id <> $2 AND u.administers AND u.revoked_at IS NULL`,
    [organisationId, exceptUserId],
  );
  return rows[0]?.count ?? 0;
}

export async function updatePerson(
  tx: Queryable,
  userId: string,
  change: { displayName: string; role: Role; administers: boolean; teamId: string },
): Promise<void> {
  const seq = await nextSeq(tx);
  await tx.query(
    `UPDATE users SET display_name = $2, role = $3, administers = $4, team_id = $5,
       version = version + 1, seq = $6
     WHERE id = $1`,
    [userId, change.displayName, change.role, change.administers, change.teamId, seq],
  );
}

/** A new password (or an unusable one after a reset); a chosen one also ends the invited state. */
export async function setPasswordHash(
  tx: Queryable,
  userId: string,
  passwordHash: string,
  { activate }: { activate: boolean },
): Promise<void> {
  await tx.query(
    `UPDATE users SET password_hash = $2,
       activated_at = CASE WHEN $3 THEN coalesce(activated_at, now()) ELSE activated_at END
     WHERE id = $1`,
    [userId, passwordHash, activate],
  );
}

/** A person added without a password: invited until they redeem their code. */
export async function markInvited(tx: Queryable, userId: string): Promise<void> {
  await tx.query('UPDATE users SET activated_at = NULL WHERE id = $1', [userId]);
}

export async function clearRevocation(tx: Queryable, userId: string): Promise<void> {
  await tx.query('UPDATE users SET revoked_at = NULL WHERE id = $1', [userId]);
}

/**
 * Ends every session of the person without marking it revoked: their devices are
 * answered 'unauthorized' and ask for the password, they do not wipe themselves.
 */
export async function endSessionsOf(tx: Queryable, userId: string): Promise<void> {
  await tx.query('SELECT 1 FROM refresh_tokens WHERE user_id = $1 FOR UPDATE', [userId]);
  await tx.query('DELETE FROM refresh_tokens WHERE user_id = $1', [userId]);
  await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}
