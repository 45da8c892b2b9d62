// Failed logins per key and time (migration 0012), for the login rate limit.
import type { Queryable } from '../db/database';

/** When the newest `limit` failures of `key` after `since` happened, newest first (ms since the epoch). */
export async function findRecentFailureTimes(
  db: Queryable,
  key: string,
  since: Date,
  limit: number,
): Promise<number[]> {
  const rows = await db.query<{ at: Date }>(
    'SELECT at FROM login_failures WHERE key = $1 AND at > $2 ORDER BY at DESC LIMIT $3',
    [key, since, limit],
  );
  return rows.map((row) => row.at.getTime());
}

export async function insertLoginFailures(db: Queryable, keys: readonly string[], at: Date): Promise<void> {
  await db.query('INSERT INTO login_failures (key, at) SELECT key, $2 FROM unnest($1::text[]) AS key', [
    keys,
    at,
  ]);
}

export async function deleteLoginFailures(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE key = $1', [key]);
}

/** Forgets failures no window looks at any more. */
export async function pruneLoginFailures(db: Queryable, before: Date): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE at <= $1', [before]);
}
