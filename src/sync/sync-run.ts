// One sync run, from start to end: push the outbox (in order, batched, each
// mutation settled by the server's answer for its id), then pull until the
// server has nothing more (each batch stored together with its cursor), then,
// if a pull removed records that still had changes waiting (scope change), push
// again and drop them once nothing of them waits. When runs happen is
// sync-schedule.ts's job.
//
// A failure becomes a phase (sync-failure.ts), never an exception, and the
// outbox stays as it is: nothing unsynced is ever dropped by a failed run.
//
// At the end of every run that reached the server, the device reports what its
// outbox still holds (POST /api/devices/status), so a lead sees a change stuck
// on a phone; a failed report is ignored (the next run reports again).
import { countPending, outboxSummary } from '../db/infrastructure/outbox';
import type { FeldakteDb } from '../db/infrastructure/schema';
import { MAX_PULL_LIMIT } from '../shared/protocol';
import { type ApiClient, NetworkError } from './api-client';
import { browserSaysOnline } from './environment';
import { type LocalStatus, readLocalStatus } from './local-status';
import { pullChanges } from './pull';
import { pushOutbox } from './push';
import { hasDeferredRemovals, settleDeferredRemovals } from './scope-removals';
import type { StatusStore } from './status-store';
import { failureState, isBlockedPhase } from './sync-failure';
import { writeLastSyncedAt } from './sync-meta';

export interface SyncRunContext {
  db: FeldakteDb;
  api: ApiClient;
  store: StatusStore;
  /** The run got everything through: the server accepts this device (again). */
  onSynced(): void;
}

/** 'offline': the browser said so and the run did not start; 'ran': it did, whatever came of it. */
export type RunOutcome = 'offline' | 'ran';

export async function runSync(context: SyncRunContext): Promise<RunOutcome> {
  const { db, api, store } = context;
  const isOnline = browserSaysOnline();
  store.update({ online: isOnline });
  if (!isOnline) {
    store.update({ phase: 'offline' });
    return 'offline';
  }
  store.update({ phase: 'syncing', pulled: 0 });
  let reachedServer = true;
  try {
    await pushWithProgress(context);
    store.update({ progress: { phase: 'pull', done: 0, total: null } });
    await pullChanges(db, api, {
      // The largest batches the server gives: every stored batch wakes the open screens'
      // live queries, so a first sync of 10,000 notes in 6 batches instead of 24 redoes them far less.
      limit: MAX_PULL_LIMIT,
      onProgress: (pulled) =>
        store.update({ pulled, progress: { phase: 'pull', done: pulled, total: null } }),
    });
    if (await hasDeferredRemovals(db)) {
      // Records left this user's scope with changes still waiting: deliver them, then let the records go.
      await pushWithProgress(context);
      await settleDeferredRemovals(db);
    }
    const at = new Date().toISOString();
    await writeLastSyncedAt(db, at);
    store.update({ phase: 'idle', lastSyncedAt: at, lastError: null, progress: null });
    context.onSynced();
  } catch (error) {
    store.update({ ...failureState(error), progress: null });
    reachedServer = !(error instanceof NetworkError) && !isBlockedPhase(store.getState().phase);
  }
  if (reachedServer) await reportDeviceStatus(context);
  // Also keeps the counts right for a syncNow() without start() (no live query then).
  await refreshLocalStatus(context);
  return 'ran';
}

async function pushWithProgress({ db, api, store }: SyncRunContext): Promise<void> {
  const total = await countPending(db);
  store.update({ progress: { phase: 'push', done: 0, total } });
  await pushOutbox(db, api, {
    onProgress: (done) => store.update({ progress: { phase: 'push', done, total } }),
  });
}

async function reportDeviceStatus({ db, api }: SyncRunContext): Promise<void> {
  try {
    await api.reportDeviceStatus(await outboxSummary(db));
  } catch {
    // Never fails the sync: the next run reports again.
  }
}

async function refreshLocalStatus({ db, store }: SyncRunContext): Promise<void> {
  try {
    showLocalStatus(store, await readLocalStatus(db));
  } catch {
    // The database may be closing (logout); the live query reports real trouble.
  }
}

/**
 * Counts, the oldest waiting change and the last sync time follow the database
 * (local-status.ts), so every tab shows them, whichever tab synced.
 */
export function showLocalStatus(store: StatusStore, status: LocalStatus): void {
  const { pendingCount, rejectedCount, conflictCount, oldestPendingAt, lastSyncedAt } = status;
  store.update({ pendingCount, rejectedCount, conflictCount, oldestPendingAt });
  // Another tab's sync shows here too; never step back to an older time.
  const shown = store.getState().lastSyncedAt;
  if (lastSyncedAt && (!shown || lastSyncedAt > shown)) store.update({ lastSyncedAt });
}
