// Teams and users. Users are synced to devices as team members, so they carry seq too.
import type { SessionUser } from '../../shared/protocol';
import type { Role } from '../../shared/records';
import type { Queryable } from '../db/database';
import { nextSeq } from './sync-sequence';

// Teams and users belong to the installation's one organisation.
export async function insertOrganisation(
  tx: Queryable,
  organisation: { id: string; name: string },
): Promise<void> {
  await tx.query('INSERT INTO organisations (id, name) VALUES ($1, $2)', [
    organisation.id,
    organisation.name,
  ]);
}

export async function insertTeam(
  tx: Queryable,
  team: {
    id: string;
    name: string;
    organisationId: string;
    /** The districts a case's "Stadtteil" is chosen from, and the Jugendamt / ASD emergency contact. */
    districts?: readonly string[];
    emergencyContact?: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO teams (id, name, organisation_id, districts, emergency_contact)
     VALUES ($1, $2, $3, $4::jsonb, $5)`,
    [
      team.id,
      team.name,
      team.organisationId,
      JSON.stringify(team.districts ?? []),
      team.emergencyContact ?? '',
    ],
  );
}

export interface NewUser {
  id: string;
  teamId: string;
  username: string;
  displayName: string;
  role: Role;
  /** May administer the organisation; always true for role admin. */
  administers?: boolean;
  passwordHash: string;
}

export async function insertUser(tx: Queryable, user: NewUser): Promise<void> {
  const seq = await nextSeq(tx);
  await tx.query(
    `INSERT INTO users (id, team_id, username, display_name, role, administers, password_hash, seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      user.id,
      user.teamId,
      user.username,
      user.displayName,
      user.role,
      user.role === 'admin' || (user.administers ?? false),
      user.passwordHash,
      seq,
    ],
  );
}

export async function countUsers(tx: Queryable): Promise<number> {
  const rows = await tx.query<{ count: number }>('SELECT count(*)::int AS count FROM users');
  return rows[0]?.count ?? 0;
}

export interface LoginCandidate {
  id: string;
  passwordHash: string;
}

export async function findLoginCandidate(db: Queryable, username: string): Promise<LoginCandidate | null> {
  const rows = await db.query<LoginCandidate & Record<string, unknown>>(
    'SELECT id, password_hash AS "passwordHash" FROM users WHERE lower(username) = lower($1)',
    [username],
  );
  return rows[0] ?? null;
}

export const sessionUserColumns = `u.id, u.username, u.display_name AS "displayName", u.role,
  u.team_id AS "teamId", t.name AS "teamName", t.lock_after_minutes AS "lockAfterMinutes",
  u.administers, t.districts, t.emergency_contact AS "emergencyContact"`;

export async function findSessionUser(db: Queryable, userId: string): Promise<SessionUser | null> {
  const rows = await db.query<SessionUser & Record<string, unknown>>(
    `SELECT ${sessionUserColumns} FROM users u JOIN teams t ON t.id = u.team_id WHERE u.id = $1`,
    [userId],
  );
  return rows[0] ?? null;
}

export async function isTeamMember(tx: Queryable, teamId: string, userId: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM users WHERE id = $1 AND team_id = $2', [userId, teamId]);
  return rows.length > 0;
}

export const memberColumns = `id, team_id AS "teamId", username, display_name AS "displayName", role, version, seq::text AS seq`;

/** The user's role if they belong to the team, else null. */
export async function findTeamMemberRole(
  tx: Queryable,
  teamId: string,
  userId: string,
): Promise<Role | null> {
  const rows = await tx.query<{ role: Role }>('SELECT role FROM users WHERE id = $1 AND team_id = $2', [
    userId,
    teamId,
  ]);
  return rows[0]?.role ?? null;
}

/** The user's password hash, locked until the transaction ends; null for an unknown user. */
export async function lockPasswordHash(tx: Queryable, userId: string): Promise<string | null> {
  const rows = await tx.query<{ passwordHash: string }>(
    'SELECT password_hash AS "passwordHash" FROM users WHERE id = $1 FOR NO KEY UPDATE',
    [userId],
  );
  return rows[0]?.passwordHash ?? null;
}
