// The server's copy of a record while the device has changes of it the server
// has not acknowledged yet ("base", as in Replicache). The record the UI sees is
// always base + waiting changes; keeping the base lets the device take back a
// change the server rejected exactly, instead of guessing what was there before.
//
// Lifecycle: remembered by the first local change of a record the server knows
// (version > 0), replaced by every newer server copy while changes wait, and
// forgotten once none waits. A record created on this device has no base until
// the server acknowledged its create.
import type { MutableEntity, RecordOf } from '../../shared/records';
import type { FeldakteDb } from './schema';

/** True while the record has changes waiting for the server. */
export async function hasPendingChanges(db: FeldakteDb, recordId: string): Promise<boolean> {
  const pending = await db.outbox
    .where('recordId')
    .equals(recordId)
    .filter((entry) => entry.status === 'pending')
    .first();
  return pending !== undefined;
}

/**
 * Call inside the local write's transaction, before the record changes: while
 * nothing of it waits, the local record is exactly the server's copy.
 */
export async function rememberBaseBeforeLocalChange<E extends MutableEntity>(
  db: FeldakteDb,
  entity: E,
  current: RecordOf[E],
): Promise<void> {
  if (current.version === 0 || (await db.bases.get(current.id))) return;
  if (await hasPendingChanges(db, current.id)) return;
  await db.bases.put({ id: current.id, entity, record: current });
}
