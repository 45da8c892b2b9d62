// The sync loop of one user's database on this device.
//
// A run is: push the outbox (in order, batched, each mutation settled by the
// server's answer for its id), then pull until the server has nothing more
// (each batch stored together with its cursor). Runs are single-flight: one at a
// time per engine, and one per user across tabs (Web Lock); asking while a run is
// going schedules exactly one more.
//
// A run is asked for on start(), on the browser's `online` event, every
// `intervalMs` while the browser says it is online, shortly after a local write
// (debounced), and on syncNow() — the "Jetzt synchronisieren" button.
//
// Failures become a phase, never an exception: no connection -> 'offline' (quietly
// retried by the triggers above), 401 -> 'unauthorized' (the UI asks for the
// password), 426 -> 'upgrade_required' (the app must update), anything else ->
// 'error' with a message. In every case the outbox stays as it is: nothing
// unsynced is ever dropped by a failed run.
import type { FeldakteDb } from '../db/schema';
import { type ApiClient, HttpError, NetworkError } from './api-client';
import { browserSaysOnline, watchConnectivity, withSyncLock } from './environment';
import { type OutboxSnapshot, observeOutbox, readOutboxSnapshot } from './outbox-observer';
import { pullChanges } from './pull';
import { pushOutbox } from './push';
import { createSingleFlight } from './single-flight';
import { createStatusStore, type SyncState } from './status-store';
import { readLastSyncedAt, writeLastSyncedAt } from './sync-meta';

export type { SyncPhase, SyncState } from './status-store';

export const DEFAULT_SYNC_INTERVAL_MS = 60_000;
export const DEFAULT_WRITE_DEBOUNCE_MS = 1_500;

export interface SyncEngine {
  start(): void;
  stop(): void;
  /** Resolves when a run that began at or after this call has finished; never rejects (see getState). */
  syncNow(): Promise<void>;
  getState(): SyncState;
  subscribe(listener: () => void): () => void;
}

export interface SyncEngineOptions {
  db: FeldakteDb;
  api: ApiClient;
  intervalMs?: number;
  /** Quiet time after a local write before it is pushed. */
  writeDebounceMs?: number;
}

export function createSyncEngine(opts: SyncEngineOptions): SyncEngine {
  const { db, api } = opts;
  const intervalMs = opts.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS;
  const writeDebounceMs = opts.writeDebounceMs ?? DEFAULT_WRITE_DEBOUNCE_MS;
  const online = browserSaysOnline();
  const store = createStatusStore({
    phase: online ? 'idle' : 'offline',
    online,
    pendingCount: 0,
    rejectedCount: 0,
    lastSyncedAt: null,
    lastError: null,
    pulled: 0,
  });

  const flight = createSingleFlight(() =>
    withSyncLock(`feldakte-sync:${db.name}`, runSync).catch((error: unknown) => store.update(failure(error))),
  );

  async function runSync(): Promise<void> {
    const isOnline = browserSaysOnline();
    store.update({ online: isOnline });
    if (!isOnline) {
      store.update({ phase: 'offline' });
      return;
    }
    store.update({ phase: 'syncing', pulled: 0 });
    try {
      await pushOutbox(db, api);
      await pullChanges(db, api, { onProgress: (pulled) => store.update({ pulled }) });
      const at = new Date().toISOString();
      await writeLastSyncedAt(db, at);
      store.update({ phase: 'idle', lastSyncedAt: at, lastError: null });
    } catch (error) {
      store.update(failure(error));
    }
    // Also keeps the counts right for a syncNow() without start() (no live query then).
    await refreshOutboxCounts();
  }

  async function refreshOutboxCounts(): Promise<void> {
    try {
      const { pendingCount, rejectedCount } = await readOutboxSnapshot(db);
      store.update({ pendingCount, rejectedCount });
    } catch {
      // The database may be closing (logout); the live query reports real trouble.
    }
  }

  let stopListening: (() => void)[] = [];
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let newestSeqSeen: number | null = null;

  function requestSoon(): void {
    clearTimeout(debounceTimer);
    debounceTimer = setTimeout(() => void flight.request(), writeDebounceMs);
  }

  function onOutbox(snapshot: OutboxSnapshot): void {
    store.update({ pendingCount: snapshot.pendingCount, rejectedCount: snapshot.rejectedCount });
    const isLocalWrite = newestSeqSeen !== null && snapshot.newestSeq > newestSeqSeen;
    newestSeqSeen = Math.max(newestSeqSeen ?? 0, snapshot.newestSeq);
    // Offline writes wait for the `online` event instead.
    if (isLocalWrite && browserSaysOnline()) requestSoon();
  }

  function onConnectivity(isOnline: boolean): void {
    store.update(isOnline ? { online: true } : { online: false, phase: 'offline' });
    if (isOnline) void flight.request();
  }

  return {
    start() {
      if (stopListening.length > 0) return;
      const timer = setInterval(() => {
        if (browserSaysOnline()) void flight.request();
      }, intervalMs);
      stopListening = [
        () => clearInterval(timer),
        () => clearTimeout(debounceTimer),
        watchConnectivity(onConnectivity),
        observeOutbox(db, onOutbox, (error) => store.update({ lastError: messageOf(error) })),
      ];
      void readLastSyncedAt(db)
        .then((at) => {
          // A run may already have finished and stored a newer time.
          if (at && !store.getState().lastSyncedAt) store.update({ lastSyncedAt: at });
        })
        .catch(() => {});
      void flight.request();
    },
    stop() {
      for (const unsubscribe of stopListening) unsubscribe();
      stopListening = [];
      newestSeqSeen = null;
    },
    syncNow: () => flight.request(),
    getState: store.getState,
    subscribe: store.subscribe,
  };
}

function failure(error: unknown): Partial<SyncState> {
  if (error instanceof NetworkError) return { phase: 'offline' };
  if (error instanceof HttpError && error.status === 401) {
    return { phase: 'unauthorized', lastError: error.message };
  }
  if (error instanceof HttpError && error.status === 426) {
    return { phase: 'upgrade_required', lastError: error.message };
  }
  return { phase: 'error', lastError: messageOf(error) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
