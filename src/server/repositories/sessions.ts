// Login sessions (access tokens). Only the SHA-256 of a token is stored: a leaked
// table opens no session. A revoked session stays until it expires, so its
// device learns 'revoked' (and wipes itself) rather than 'log in again'.
import type { SessionUser } from '../../shared/protocol';
import type { Queryable } from '../db/database';
import { sessionUserColumns } from './users';

export async function insertSession(
  db: Queryable,
  session: {
    tokenHash: string;
    userId: string;
    expiresAt: Date;
    deviceId?: string | null;
    familyId?: string;
  },
): Promise<void> {
  await db.query(
    'INSERT INTO sessions (token_hash, user_id, expires_at, device_id, family_id) VALUES ($1, $2, $3, $4, $5)',
    [
      session.tokenHash,
      session.userId,
      session.expiresAt.toISOString(),
      session.deviceId ?? null,
      session.familyId ?? null,
    ],
  );
}

export interface ValidSession {
  user: SessionUser;
  expiresAt: string;
}

/**
 * The unexpired session of the token; 'revoked' when it, its user, the device
 * it was opened on or the device the request names (`deviceId`) was revoked.
 */
export async function findValidSession(
  db: Queryable,
  tokenHash: string,
  deviceId: string | null = null,
): Promise<ValidSession | 'revoked' | null> {
  const rows = await db.query<SessionUser & { expiresAt: Date; revoked: boolean }>(
    `SELECT ${sessionUserColumns}, s.expires_at AS "expiresAt",
            (s.revoked_at IS NOT NULL OR u.revoked_at IS NOT NULL OR EXISTS (
               SELECT 1 FROM revoked_devices r
               WHERE r.team_id = u.team_id AND (r.device_id = s.device_id OR r.device_id = $2::text))) AS revoked
     FROM sessions s JOIN users u ON u.id = s.user_id JOIN teams t ON t.id = u.team_id
     WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [tokenHash, deviceId],
  );
  const row = rows[0];
  if (!row) return null;
  const { expiresAt, revoked, ...user } = row;
  if (revoked) return 'revoked';
  return { user, expiresAt: expiresAt.toISOString() };
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** The token family of the session; null when unknown or opened before families (migration 0006). */
export async function findSessionFamily(db: Queryable, tokenHash: string): Promise<string | null> {
  const rows = await db.query<{ familyId: string | null }>(
    'SELECT family_id AS "familyId" FROM sessions WHERE token_hash = $1',
    [tokenHash],
  );
  return rows[0]?.familyId ?? null;
}

export async function deleteFamilySessions(db: Queryable, familyId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE family_id = $1', [familyId]);
}

export async function deleteExpiredSessions(db: Queryable): Promise<void> {
  await db.query('DELETE FROM sessions WHERE expires_at <= now()');
}

/**
 * Ends the user's sessions except the token family `keep` (and the token itself,
 * for a session from before families). Revoked ones stay: their device must go
 * on hearing 'revoked'. The caller locked the user's refresh tokens first
 * (lockOtherRefreshTokens), so no refresh adds a session behind this.
 */
export async function deleteOtherSessions(
  tx: Queryable,
  userId: string,
  keep: { familyId: string | null; tokenHash: string },
): Promise<void> {
  await tx.query(
    `DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2
       AND family_id IS DISTINCT FROM $3::uuid AND revoked_at IS NULL`,
    [userId, keep.tokenHash, keep.familyId],
  );
}
