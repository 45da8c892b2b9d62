// The sync loop of one user's database on this device.
//
// A run is: push the outbox (in order, batched, each mutation settled by the
// server's answer for its id), then pull until the server has nothing more
// (each batch stored together with its cursor), then, if a pull removed records
// that still had changes waiting (scope change), push again and drop them once
// nothing of them waits. Runs are single-flight: one at a time per engine, and
// one per user across tabs (Web Lock); asking while a run is going schedules
// exactly one more.
//
// A run is asked for on start(), on the browser's `online` event, every
// `intervalMs` while the browser says it is online, shortly after a local write
// (debounced), and on syncNow() — the "Jetzt synchronisieren" button.
//
// Failures become a phase, never an exception: no connection -> 'offline' (quietly
// retried by the triggers above), 401 -> 'unauthorized' (the UI asks for the
// password), 426 -> 'upgrade_required' (the app must update), anything else ->
// 'error' with a message; 401 'revoked' -> 'revoked' (a lead revoked the device
// or user; the session wipes the local data). In every case the outbox stays as it is: nothing
// unsynced is ever dropped by a failed run. 'unauthorized' and 'upgrade_required'
// pause the automatic triggers (asking again cannot help); syncNow() resumes,
// e.g. right after a re-login stored the new token that getToken returns.
//
// Counts, the oldest waiting change and the last sync time follow the database
// (local-status.ts), so every tab shows them, whichever tab synced.
//
// At the end of every run that reached the server, the device reports what its
// outbox still holds (POST /api/devices/status), so a lead sees a change stuck
// on a phone; a failed report is ignored (the next run reports again).
//
// While started, online and not blocked, the engine keeps the live connection
// (live-events.ts: one per browser, in the tab holding its Web Lock); a
// `changes` or `concern` event asks for a run at once (coalesced with a running
// one by the single-flight). A 401 on the stream ends it and asks for a run,
// whose 401 starts the re-login flow; the stream comes back with the first run
// that succeeds after it.
import { countPending, outboxSummary } from '../db/outbox';
import type { FeldakteDb } from '../db/schema';
import { type DeviceStatus, MAX_PULL_LIMIT } from '../shared/protocol';
import { type ApiClient, HttpError, isLoginExpired, isRevoked, NetworkError } from './api-client';
import { browserSaysOnline, watchConnectivity, withSyncLock } from './environment';
import { startLiveEvents } from './live-events';
import { type LocalStatus, observeLocalStatus, readLocalStatus } from './local-status';
import { pullChanges } from './pull';
import { pushOutbox } from './push';
import { hasDeferredRemovals, settleDeferredRemovals } from './scope-removals';
import { createSingleFlight } from './single-flight';
import { createStatusStore, initialSyncState, type SyncPhase, type SyncState } from './status-store';
import { writeLastSyncedAt } from './sync-meta';

export type { LiveStatus } from './live-events';
export type { SyncPhase, SyncProgress, SyncState } from './status-store';

export const DEFAULT_SYNC_INTERVAL_MS = 60_000;
export const DEFAULT_WRITE_DEBOUNCE_MS = 1_500;

/** Phases only a person can end (password, app update): automatic triggers wait for syncNow(). */
const BLOCKED_PHASES: readonly SyncPhase[] = ['unauthorized', 'upgrade_required', 'revoked'];

export interface SyncEngine {
  start(): void;
  stop(): void;
  /**
   * Resolves when a run that began at or after this call has finished; never
   * rejects (see getState). Also the way out of 'unauthorized' after a re-login.
   */
  syncNow(): Promise<void>;
  getState(): SyncState;
  subscribe(listener: () => void): () => void;
  /**
   * Leads: the last status report of every device of the team (caseload screen).
   * Asks the server now; rejects like the API client (NetworkError offline,
   * HttpError 403 for a worker).
   */
  teamDevices(): Promise<DeviceStatus[]>;
}

export interface SyncEngineOptions {
  db: FeldakteDb;
  api: ApiClient;
  intervalMs?: number;
  /** Quiet time after a local write before it is pushed. */
  writeDebounceMs?: number;
  /** Keep the live connection while started (default true). */
  liveEvents?: boolean;
  /** For tests: the jitter of live reconnects, a number in [0, 1). */
  random?: () => number;
}

export function createSyncEngine(opts: SyncEngineOptions): SyncEngine {
  const { db, api } = opts;
  const intervalMs = opts.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS;
  const writeDebounceMs = opts.writeDebounceMs ?? DEFAULT_WRITE_DEBOUNCE_MS;
  const store = createStatusStore(initialSyncState(browserSaysOnline()));

  const flight = createSingleFlight(() =>
    withSyncLock(`feldakte-sync:${db.name}`, runSync).catch((error: unknown) =>
      store.update({ ...failure(error), progress: null }),
    ),
  );

  /**
   * A person asked (syncNow) since the last run started. Only then may a run go
   * ahead while blocked (e.g. right after a re-login): an automatic request queued
   * behind a run that then hit a 401 would otherwise ask the server for the same
   * 401 again, and each such run would queue the next.
   */
  let askedByPerson = false;

  async function runSync(): Promise<void> {
    const asked = askedByPerson;
    askedByPerson = false;
    if (!asked && isBlocked()) return;
    const isOnline = browserSaysOnline();
    store.update({ online: isOnline });
    if (!isOnline) {
      store.update({ phase: 'offline' });
      return;
    }
    store.update({ phase: 'syncing', pulled: 0 });
    let reachedServer = true;
    try {
      await pushWithProgress();
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
        await pushWithProgress();
        await settleDeferredRemovals(db);
      }
      const at = new Date().toISOString();
      await writeLastSyncedAt(db, at);
      store.update({ phase: 'idle', lastSyncedAt: at, lastError: null, progress: null });
      // The server accepts this device again (renewed token, re-login, app update): the live stream may try again.
      liveRefused = false;
      syncedSinceStart = true;
    } catch (error) {
      store.update({ ...failure(error), progress: null });
      reachedServer = !(error instanceof NetworkError) && !BLOCKED_PHASES.includes(store.getState().phase);
    }
    if (reachedServer) await reportDeviceStatus();
    // Also keeps the counts right for a syncNow() without start() (no live query then).
    await refreshLocalStatus();
    updateLive();
  }

  async function reportDeviceStatus(): Promise<void> {
    try {
      await api.reportDeviceStatus(await outboxSummary(db));
    } catch {
      // Never fails the sync: the next run reports again.
    }
  }

  async function pushWithProgress(): Promise<void> {
    const total = await countPending(db);
    store.update({ progress: { phase: 'push', done: 0, total } });
    await pushOutbox(db, api, {
      onProgress: (done) => store.update({ progress: { phase: 'push', done, total } }),
    });
  }

  async function refreshLocalStatus(): Promise<void> {
    try {
      showLocalStatus(await readLocalStatus(db));
    } catch {
      // The database may be closing (logout); the live query reports real trouble.
    }
  }

  function showLocalStatus(status: LocalStatus): void {
    const { pendingCount, rejectedCount, conflictCount, oldestPendingAt, lastSyncedAt } = status;
    store.update({ pendingCount, rejectedCount, conflictCount, oldestPendingAt });
    // Another tab's sync shows here too; never step back to an older time.
    const shown = store.getState().lastSyncedAt;
    if (lastSyncedAt && (!shown || lastSyncedAt > shown)) store.update({ lastSyncedAt });
  }

  const isBlocked = () => BLOCKED_PHASES.includes(store.getState().phase);

  /** A run asked for by a trigger rather than by a person. */
  function requestAutomatically(): void {
    if (browserSaysOnline() && !isBlocked()) void flight.request();
  }

  let stopListening: (() => void)[] = [];
  let started = false;
  let stopLive: (() => void) | null = null;
  /** The server refused the stream (401/426); set until a run succeeds after it. */
  let liveRefused = false;
  /**
   * The stream opens only after a run succeeded since start: events are worth
   * nothing before the device has caught up, and a stream racing the first run
   * into an expired token would only ask the server once more for the same 401.
   */
  let syncedSinceStart = false;

  function updateLive(): void {
    const wanted =
      started &&
      syncedSinceStart &&
      opts.liveEvents !== false &&
      browserSaysOnline() &&
      !isBlocked() &&
      !liveRefused;
    if (wanted && !stopLive) {
      stopLive = startLiveEvents({
        api,
        lockName: `feldakte-live:${db.name}`,
        random: opts.random,
        onEvent: (event) => {
          if (event.type === 'changes' || event.type === 'concern') requestAutomatically();
        },
        onStatus: (live) => store.update({ live }),
        // Events sent while the stream was down are lost: catch up.
        onReconnected: requestAutomatically,
        onRefused: () => {
          liveRefused = true;
          stopLive = null;
          // The run meets the same 401 and starts the re-login flow.
          requestAutomatically();
        },
      });
    } else if (!wanted && stopLive) {
      stopLive();
      stopLive = null;
    }
  }
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let newestSeqSeen: number | null = null;

  function requestSoon(): void {
    clearTimeout(debounceTimer);
    debounceTimer = setTimeout(requestAutomatically, writeDebounceMs);
  }

  function onLocalStatus(status: LocalStatus): void {
    showLocalStatus(status);
    const isLocalWrite = newestSeqSeen !== null && status.newestSeq > newestSeqSeen;
    newestSeqSeen = Math.max(newestSeqSeen ?? 0, status.newestSeq);
    // Offline writes wait for the `online` event instead.
    if (isLocalWrite && browserSaysOnline()) requestSoon();
  }

  function onConnectivity(isOnline: boolean): void {
    if (!isOnline) {
      // A blocked phase stays: the UI still has to ask for the password or the update.
      store.update(isBlocked() ? { online: false } : { online: false, phase: 'offline' });
      updateLive();
      return;
    }
    store.update({ online: true });
    updateLive();
    requestAutomatically();
  }

  return {
    start() {
      if (stopListening.length > 0) return;
      started = true;
      const timer = setInterval(requestAutomatically, intervalMs);
      stopListening = [
        () => clearInterval(timer),
        () => clearTimeout(debounceTimer),
        watchConnectivity(onConnectivity),
        observeLocalStatus(db, onLocalStatus, (error) => store.update({ lastError: messageOf(error) })),
      ];
      void flight.request();
      updateLive();
    },
    stop() {
      started = false;
      syncedSinceStart = false;
      updateLive();
      for (const unsubscribe of stopListening) unsubscribe();
      stopListening = [];
      newestSeqSeen = null;
    },
    syncNow() {
      askedByPerson = true;
      return flight.request();
    },
    getState: store.getState,
    subscribe: store.subscribe,
    async teamDevices() {
      return (await api.getTeamDevices()).devices;
    },
  };
}

function failure(error: unknown): Partial<SyncState> {
  if (error instanceof NetworkError) return { phase: 'offline' };
  if (isRevoked(error)) return { phase: 'revoked', lastError: messageOf(error) };
  if (isLoginExpired(error)) return { phase: 'unauthorized', lastError: messageOf(error) };
  if (error instanceof HttpError && error.status === 426) {
    return { phase: 'upgrade_required', lastError: error.message };
  }
  return { phase: 'error', lastError: messageOf(error) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
