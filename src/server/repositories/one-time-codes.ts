// Invitation and password-reset codes (migration 0011). Only a code's SHA-256 is
// stored: a leaked table redeems nothing.
import type { Queryable } from '../db/database';

export type CodePurpose = 'invitation' | 'password_reset';

/** Stores a new code for the person and drops their unused ones: only the newest works. */
export async function replaceCodes(
  tx: Queryable,
  code: { codeHash: string; userId: string; purpose: CodePurpose; createdBy: string | null; expiresAt: Date },
): Promise<void> {
  await tx.query('DELETE FROM one_time_codes WHERE user_id = $1 AND used_at IS NULL', [code.userId]);
  await tx.query(
    `INSERT INTO one_time_codes (code_hash, user_id, purpose, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [code.codeHash, code.userId, code.purpose, code.createdBy, code.expiresAt.toISOString()],
  );
}

export interface RedeemableCode {
  userId: string;
  purpose: CodePurpose;
}

/**
 * The unused, unexpired code of the person with that username, locked for the
 * redeeming transaction; null for any other case (the caller cannot tell which).
 */
export async function lockRedeemableCode(
  tx: Queryable,
  codeHash: string,
  username: string,
): Promise<RedeemableCode | null> {
  const rows = await tx.query<{ userId: string; purpose: CodePurpose }>(
    `SELECT c.user_id AS "userId", c.purpose FROM one_time_codes c JOIN users u ON u.id = c.user_id
     WHERE c.code_hash = $1 AND lower(u.username) = lower($2)
       AND c.used_at IS NULL AND c.expires_at > now()
     FOR UPDATE OF c`,
    [codeHash, username],
  );
  return rows[0] ?? null;
}

export async function markCodeUsed(tx: Queryable, codeHash: string): Promise<void> {
  await tx.query('UPDATE one_time_codes SET used_at = now() WHERE code_hash = $1', [codeHash]);
}
