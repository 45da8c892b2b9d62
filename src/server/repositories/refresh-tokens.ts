// Refresh tokens: only their SHA-256 is stored, like access tokens (sessions.ts).
import type { Queryable } from '../db/database';

export interface NewRefreshToken {
  tokenHash: string;
  familyId: string;
  userId: string;
  deviceId: string | null;
  expiresAt: Date;
}

export async function insertRefreshToken(db: Queryable, token: NewRefreshToken): Promise<void> {
  await db.query(
    `INSERT INTO refresh_tokens (token_hash, family_id, user_id, device_id, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [token.tokenHash, token.familyId, token.userId, token.deviceId, token.expiresAt.toISOString()],
  );
}

export interface StoredRefreshToken {
  familyId: string;
  userId: string;
  deviceId: string | null;
  usedAt: Date | null;
  revoked: boolean;
}

/** The unexpired refresh token, locked for its rotation; null when unknown or expired. */
export async function takeRefreshToken(tx: Queryable, tokenHash: string): Promise<StoredRefreshToken | null> {
  const rows = await tx.query<StoredRefreshToken & Record<string, unknown>>(
    `SELECT r.family_id AS "familyId", r.user_id AS "userId", r.device_id AS "deviceId", r.used_at AS "usedAt",
            (r.revoked_at IS NOT NULL OR u.revoked_at IS NOT NULL) AS revoked
     FROM refresh_tokens r JOIN users u ON u.id = r.user_id
     WHERE r.token_hash = $1 AND r.expires_at > now()
     FOR UPDATE OF r`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

export async function markRefreshTokenUsed(tx: Queryable, tokenHash: string): Promise<void> {
  await tx.query('UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1', [tokenHash]);
}

export async function deleteExpiredRefreshTokens(db: Queryable): Promise<void> {
  await db.query('DELETE FROM refresh_tokens WHERE expires_at <= now()');
}

/**
 * Locks the family's refresh tokens until the transaction ends: a refresh
 * running at the same time (it locks its token in takeRefreshToken) either
 * finishes first, and what it issued is visible to the statements after this,
 * or waits and then finds its token gone.
 */
export async function lockFamilyRefreshTokens(tx: Queryable, familyId: string): Promise<void> {
  await tx.query('SELECT 1 FROM refresh_tokens WHERE family_id = $1 FOR UPDATE', [familyId]);
}

export async function deleteFamilyRefreshTokens(tx: Queryable, familyId: string): Promise<void> {
  await tx.query('DELETE FROM refresh_tokens WHERE family_id = $1', [familyId]);
}

/**
 * Locks the user's refresh tokens outside the family `keepFamilyId` until the
 * transaction ends: a refresh running at the same time finishes first, and the
 * deletes that follow (statements of their own) see what it wrote.
 */
export async function lockOtherRefreshTokens(
  tx: Queryable,
  userId: string,
  keepFamilyId: string | null,
): Promise<void> {
  await tx.query(
    'SELECT 1 FROM refresh_tokens WHERE user_id = $1 AND family_id IS DISTINCT FROM $2::uuid FOR UPDATE',
    [userId, keepFamilyId],
  );
}

/** Ends the user's token families except `keepFamilyId`; revoked ones stay. Returns how many ended. */
export async function deleteOtherRefreshTokens(
  tx: Queryable,
  userId: string,
  keepFamilyId: string | null,
): Promise<number> {
  const rows = await tx.query<{ family: string }>(
    `DELETE FROM refresh_tokens
     WHERE user_id = $1 AND family_id IS DISTINCT FROM $2::uuid AND revoked_at IS NULL
     RETURNING family_id::text AS family`,
    [userId, keepFamilyId],
  );
  return new Set(rows.map((row) => row.family)).size;
}
