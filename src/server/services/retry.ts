// Runs a transaction again when PostgreSQL gave up on it for reasons a plain
// retry fixes: a concurrent insert of the same key won the race (the retry then
// finds it), or a lock cycle or serialization failure was broken.
import { type Database, PgErrorCode, pgErrorCode, type Queryable } from '../db/database';

const RETRYABLE = new Set<string>([
  PgErrorCode.uniqueViolation,
  PgErrorCode.deadlockDetected,
  PgErrorCode.serializationFailure,
]);
const MAX_ATTEMPTS = 4;

export async function transactionWithRetries<T>(
  db: Database,
  work: (tx: Queryable) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      const code = pgErrorCode(error);
      if (code !== undefined && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
  }
}
