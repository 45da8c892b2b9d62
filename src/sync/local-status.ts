// What the sync status shows that lives in the database, watched with a Dexie
// live query: counts follow every write at once, including writes made offline
// and writes and syncs of other tabs (Dexie propagates changes across tabs), so
// every tab shows the same status whichever of them ran the sync.
import { liveQuery } from 'dexie';
import { countPending, countRejected, oldestPendingAt } from '../db/infrastructure/outbox';
import type { FeldakteDb } from '../db/infrastructure/schema';
import { countOpenConflicts } from '../db/repositories/conflicts';
import { readLastSyncedAt } from './sync-meta';

export interface LocalStatus {
  pendingCount: number;
  rejectedCount: number;
  conflictCount: number;
  oldestPendingAt: string | null;
  lastSyncedAt: string | null;
  /** Highest queue position present; it grows exactly when a new local change is written. */
  newestSeq: number;
}

export async function readLocalStatus(db: FeldakteDb): Promise<LocalStatus> {
  const [pendingCount, rejectedCount, conflictCount, oldest, lastSyncedAt, newest] = await Promise.all([
    countPending(db),
    countRejected(db),
    countOpenConflicts(db),
    oldestPendingAt(db),
    readLastSyncedAt(db),
    // The key alone: no entry is read (and opened, in an encrypted database) for it.
    db.outbox.orderBy('seq').lastKey(),
  ]);
  return {
    pendingCount,
    rejectedCount,
    conflictCount,
    oldestPendingAt: oldest,
    lastSyncedAt,
    newestSeq: (newest as number | undefined) ?? 0,
  };
}

export function observeLocalStatus(
  db: FeldakteDb,
  onStatus: (status: LocalStatus) => void,
  onError: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(() => readLocalStatus(db)).subscribe({ next: onStatus, error: onError });
  return () => subscription.unsubscribe();
}
