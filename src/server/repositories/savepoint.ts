// A savepoint inside an open transaction: when `work` throws, only its own writes
// are undone and the transaction goes on (the error is thrown on to the caller).
import type { Queryable } from '../db/database';

export async function inSavepoint<T>(tx: Queryable, work: () => Promise<T>): Promise<T> {
  await tx.query('SAVEPOINT attempt');
  try {
    const result = await work();
    await tx.query('RELEASE SAVEPOINT attempt');
    return result;
  } catch (error) {
    await tx.query('ROLLBACK TO SAVEPOINT attempt');
    throw error;
  }
}
