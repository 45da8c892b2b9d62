// Storing what the server says about a record without losing local edits.
//
// Rebase rule (as in Replicache): the server record is the new base, and every
// change of that record still waiting in the outbox is applied on top of it again,
// in the order it was made. So a pulled or pushed record never overwrites an edit
// the server has not seen yet; once that edit is acknowledged, the server's answer
// already contains it.
//
// Callers run these inside one 'rw' transaction over syncTables(db), so the rebase
// sees the outbox exactly as it is when the record is written (a local write made
// meanwhile is either fully before or fully after).
import type { FeldakteDb, OutboxEntry } from '../db/schema';
import { tableOf } from '../db/schema';
import type { RecordOf, SyncedEntity } from '../shared/records';

/** Every table a sync step may touch. */
export function syncTables(db: FeldakteDb) {
  return [db.cases, db.notes, db.appointments, db.preConsultations, db.members, db.outbox, db.meta];
}

/** The record's changes the server has not acknowledged yet, oldest first. */
export async function pendingEntriesFor(db: FeldakteDb, recordId: string): Promise<OutboxEntry[]> {
  const entries = await db.outbox.where('recordId').equals(recordId).sortBy('seq');
  return entries.filter((entry) => entry.status === 'pending');
}

export function rebase<R extends object>(serverRecord: R, pending: readonly OutboxEntry[]): R {
  const rebased: R = { ...serverRecord };
  for (const entry of pending) Object.assign(rebased, entry.data);
  return rebased;
}

/** Stores a record as the server has it, with the device's pending edits re-applied on top. */
export async function storeServerRecord<E extends SyncedEntity>(
  db: FeldakteDb,
  entity: E,
  record: RecordOf[E],
): Promise<void> {
  const table = tableOf(db, entity);
  const local = await table.get(record.id);
  // An older answer must not undo a newer one we already hold (e.g. a pull batch
  // read before a push answer that returned a later version).
  if (local && local.version > record.version) return;
  const pending = entity === 'member' ? [] : await pendingEntriesFor(db, record.id);
  await table.put(rebase(record, pending));
}

/**
 * Drops a record the server no longer shows this device (deleted, or out of scope).
 * Returns false when it was kept because local edits still wait for the server.
 */
export async function removeServerRecord(db: FeldakteDb, entity: SyncedEntity, id: string): Promise<boolean> {
  const pending = entity === 'member' ? [] : await pendingEntriesFor(db, id);
  if (pending.length > 0) {
    // Kept so that no unsynced edit is lost. A later issue pushes pending edits
    // before a record leaves the device (scope change, CHT #5701); until then the
    // next push delivers them and the server decides.
    return false;
  }
  await tableOf(db, entity).delete(id);
  return true;
}
