// Pull: asks the server for what changed since the stored cursor, batch after
// batch until it says there is no more. Each batch (changes, removals) and the
// cursor that follows it are written in ONE transaction: a crash or a dropped
// connection between batches resumes after the last stored batch, never skips one
// and never applies one twice with a stale cursor. Each batch is its own short
// transaction, so local writes (the app in use during a long first sync) slip in
// between batches instead of waiting for the whole pull.
import { type FeldakteDb, syncTables } from '../db/infrastructure/schema';
import type { PullResponse } from '../shared/protocol';
import { type ApiClient, ProtocolError } from './api-client';
import { storeServerChanges } from './apply-server-records';
import { applyRemovals } from './scope-removals';
import { readPullCursor, writePullCursor } from './sync-meta';

export interface PullOptions {
  limit?: number;
  /** Called after each stored batch with the number of changes and removals received so far in this pull. */
  onProgress?: (received: number) => void;
}

/** Returns the number of changes and removals received. */
export async function pullChanges(
  db: FeldakteDb,
  api: ApiClient,
  options: PullOptions = {},
): Promise<number> {
  const ask = (cursor: string) =>
    api.pull(options.limit === undefined ? { cursor } : { cursor, limit: options.limit });
  let cursor = await readPullCursor(db);
  let received = 0;
  let next = ask(cursor);
  for (;;) {
    const batch = await next;
    if (batch.hasMore && batch.cursor === cursor) {
      // Pulling again with the same cursor would loop forever.
      throw new ProtocolError({ key: 'cursorStuck', params: {} });
    }
    // The next batch is already on its way while this one is stored (a first sync
    // waits for the network and for IndexedDB at once). It is only ever applied
    // after this one committed; if storing fails, it is dropped with the error.
    if (batch.hasMore) {
      next = ask(batch.cursor);
      next.catch(() => {});
    }
    await applyPullBatch(db, batch);
    received += batch.changes.length + batch.removed.length;
    options.onProgress?.(received);
    if (!batch.hasMore) return received;
    cursor = batch.cursor;
  }
}

export async function applyPullBatch(db: FeldakteDb, batch: PullResponse): Promise<void> {
  await db.transaction('rw', syncTables(db), async () => {
    await storeServerChanges(db, batch.changes);
    const arrivedIds = batch.changes.map((change) => change.record.id);
    await applyRemovals(db, batch.removed, arrivedIds);
    await writePullCursor(db, batch.cursor);
  });
}
