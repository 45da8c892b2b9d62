// The one set-up code of an installation waiting for its set-up (migration 0010):
// its hash and when it expires, never the code itself.
import type { Queryable } from '../db/database';

export interface StoredSetupCode {
  codeHash: string;
  expiresAt: Date;
}

/** Stores a new code in place of any earlier one. */
export async function replaceSetupCode(tx: Queryable, code: StoredSetupCode): Promise<void> {
  await tx.query(
    `INSERT INTO setup_code (only_one, code_hash, expires_at) VALUES (true, $1, $2)
     ON CONFLICT (only_one) DO UPDATE SET code_hash = excluded.code_hash,
       expires_at = excluded.expires_at, created_at = now()`,
    [code.codeHash, code.expiresAt.toISOString()],
  );
}

/** The code, locked until the transaction ends (two set-ups at once: one waits); null when none. */
export async function lockSetupCode(tx: Queryable): Promise<StoredSetupCode | null> {
  const rows = await tx.query<StoredSetupCode & Record<string, unknown>>(
    'SELECT code_hash AS "codeHash", expires_at AS "expiresAt" FROM setup_code FOR UPDATE',
  );
  return rows[0] ?? null;
}

export async function deleteSetupCode(tx: Queryable): Promise<void> {
  await tx.query('DELETE FROM setup_code');
}
