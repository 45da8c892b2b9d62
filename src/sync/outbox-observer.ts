// Watches the outbox with a Dexie live query, so the counts the UI shows follow
// every write at once, including writes made offline and writes from other tabs.
import { liveQuery } from 'dexie';
import { countPending, countRejected } from '../db/outbox';
import type { FeldakteDb } from '../db/schema';

export interface OutboxSnapshot {
  pendingCount: number;
  rejectedCount: number;
  /** Highest queue position present; it grows exactly when a new local change is written. */
  newestSeq: number;
}

export async function readOutboxSnapshot(db: FeldakteDb): Promise<OutboxSnapshot> {
  const pendingCount = await countPending(db);
  const rejectedCount = await countRejected(db);
  const newest = await db.outbox.orderBy('seq').last();
  return { pendingCount, rejectedCount, newestSeq: newest?.seq ?? 0 };
}

export function observeOutbox(
  db: FeldakteDb,
  onSnapshot: (snapshot: OutboxSnapshot) => void,
  onError: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(() => readOutboxSnapshot(db)).subscribe({
    next: onSnapshot,
    error: onError,
  });
  return () => subscription.unsubscribe();
}
