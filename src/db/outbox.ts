// Reading the outbox, for the sync engine and for the user (what is waiting, what was rejected).
import type { FeldakteDb, OutboxEntry } from './schema';

export function countPending(db: FeldakteDb): Promise<number> {
  return db.outbox.where('status').equals('pending').count();
}

export function listRejected(db: FeldakteDb): Promise<OutboxEntry[]> {
  return db.outbox.where('status').equals('rejected').sortBy('seq');
}

/**
 * Pending entries in the order they were written. `afterSeq` skips entries up to
 * that position, so one push run walks the queue once even when some entries stay
 * pending (no answer for them) instead of sending them again and again.
 */
export function nextPendingBatch(db: FeldakteDb, limit: number, afterSeq = 0): Promise<OutboxEntry[]> {
  return db.outbox
    .where('seq')
    .above(afterSeq)
    .filter((e) => e.status === 'pending')
    .limit(limit)
    .toArray();
}

/** The user acknowledges a rejected change; the local record keeps what the server last confirmed on next pull. */
export async function dismissRejected(db: FeldakteDb, mutationId: string): Promise<void> {
  await db.outbox.where('id').equals(mutationId).delete();
}

export function countRejected(db: FeldakteDb): Promise<number> {
  return db.outbox.where('status').equals('rejected').count();
}
