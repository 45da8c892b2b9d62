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
export async function nextPendingBatch(db: FeldakteDb, limit: number, afterSeq = 0): Promise<OutboxEntry[]> {
  // The keys from the status index (in seq order, nothing to decrypt), then the entries in one
  // bulk read: a filtered cursor would open one sealed entry at a time.
  const pending = (await db.outbox.where('status').equals('pending').primaryKeys()) as number[];
  const keys = pending.filter((seq) => seq > afterSeq).slice(0, limit);
  const entries = await db.outbox.bulkGet(keys);
  return entries.filter((entry): entry is OutboxEntry => entry !== undefined);
}

/**
 * The user acknowledges a rejected change. The record already shows the server's
 * state (a rejected change is taken back locally when the rejection arrives), so
 * nothing else changes: the entry, with its data, was the last copy of it.
 */
export async function dismissRejected(db: FeldakteDb, mutationId: string): Promise<void> {
  await db.outbox.where('id').equals(mutationId).delete();
}

export function countRejected(db: FeldakteDb): Promise<number> {
  return db.outbox.where('status').equals('rejected').count();
}

/** clientTime of the oldest change still waiting for the server; null when nothing waits. */
export async function oldestPendingAt(db: FeldakteDb): Promise<string | null> {
  // The status index orders equal keys by primary key (seq): the first is the oldest write.
  const oldest = await db.outbox.where('status').equals('pending').first();
  return oldest?.clientTime ?? null;
}

/**
 * What the device reports to the server at the end of a sync (DeviceStatusReport):
 * every entry not yet acknowledged, pending or rejected (acknowledged ones leave
 * the outbox), and when the oldest of them was written (the first in queue order).
 */
export async function outboxSummary(
  db: FeldakteDb,
): Promise<{ pendingCount: number; oldestPendingAt: string | null }> {
  const [count, first] = await Promise.all([db.outbox.count(), db.outbox.orderBy('seq').first()]);
  return { pendingCount: count, oldestPendingAt: first?.clientTime ?? null };
}
