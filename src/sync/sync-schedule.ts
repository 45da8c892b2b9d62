// When runs happen: on start(), on the browser's `online` event, every
// `intervalMs` while the browser says it is online, shortly after a local write
// (debounced), on a live event (live-trigger.ts), and when a person asks (the
// "Jetzt synchronisieren" button). What a run does is sync-run.ts's job.
//
// Runs are single-flight: one at a time per engine, and one per user across tabs
// (Web Lock); asking while a run is going schedules exactly one more.
//
// 'unauthorized', 'upgrade_required' and 'revoked' pause the automatic triggers
// (asking again cannot help); a person's request resumes, e.g. right after a
// re-login stored the new token that getToken returns.
import type { FeldakteDb } from '../db/infrastructure/schema';
import { saidMessageOf } from '../shared/messages';
import type { ApiClient } from './api-client';
import { browserSaysOnline, watchConnectivity, withSyncLock } from './environment';
import { createLiveTrigger } from './live-trigger';
import { type LocalStatus, observeLocalStatus } from './local-status';
import { createSingleFlight } from './single-flight';
import type { StatusStore } from './status-store';
import { failureState, isBlockedPhase } from './sync-failure';
import { type RunOutcome, runSync, showLocalStatus } from './sync-run';

export interface SyncScheduleOptions {
  db: FeldakteDb;
  api: ApiClient;
  store: StatusStore;
  intervalMs: number;
  /** Quiet time after a local write before it is pushed. */
  writeDebounceMs: number;
  /** Keep the live connection while started. */
  liveEvents: boolean;
  /** For tests: the jitter of live reconnects, a number in [0, 1). */
  random?: () => number;
}

export interface SyncSchedule {
  start(): void;
  stop(): void;
  /** Resolves when a run that began at or after this call has finished; never rejects. */
  requestByPerson(): Promise<void>;
}

export function createSyncSchedule(opts: SyncScheduleOptions): SyncSchedule {
  const { db, api, store } = opts;
  const isBlocked = () => isBlockedPhase(store.getState().phase);

  const flight = createSingleFlight(() =>
    withSyncLock(`feldakte-sync:${db.name}`, runIfAllowed).catch((error: unknown) =>
      store.update({ ...failureState(error), progress: null }),
    ),
  );

  /**
   * A person asked since the last run started. Only then may a run go ahead
   * while blocked (e.g. right after a re-login): an automatic request queued
   * behind a run that then hit a 401 would otherwise ask the server for the same
   * 401 again, and each such run would queue the next.
   */
  let askedByPerson = false;

  async function runIfAllowed(): Promise<void> {
    const asked = askedByPerson;
    askedByPerson = false;
    if (!asked && isBlocked()) return;
    const outcome: RunOutcome = await runSync({ db, api, store, onSynced });
    if (outcome === 'ran') updateLive();
  }

  function onSynced(): void {
    live.serverAccepts();
    syncedSinceStart = true;
  }

  /** A run asked for by a trigger rather than by a person. */
  function requestAutomatically(): void {
    if (browserSaysOnline() && !isBlocked()) void flight.request();
  }

  const live = createLiveTrigger({
    api,
    lockName: `feldakte-live:${db.name}`,
    store,
    requestRun: requestAutomatically,
    random: opts.random,
  });
  let started = false;
  /**
   * The stream opens only after a run succeeded since start: events are worth
   * nothing before the device has caught up, and a stream racing the first run
   * into an expired token would only ask the server once more for the same 401.
   */
  let syncedSinceStart = false;

  function updateLive(): void {
    live.update(started && syncedSinceStart && opts.liveEvents && browserSaysOnline() && !isBlocked());
  }

  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let newestSeqSeen: number | null = null;

  function requestSoon(): void {
    clearTimeout(debounceTimer);
    debounceTimer = setTimeout(requestAutomatically, opts.writeDebounceMs);
  }

  function onLocalStatus(status: LocalStatus): void {
    showLocalStatus(store, status);
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

  let stopListening: (() => void)[] = [];

  return {
    start() {
      if (stopListening.length > 0) return;
      started = true;
      const timer = setInterval(requestAutomatically, opts.intervalMs);
      stopListening = [
        () => clearInterval(timer),
        () => clearTimeout(debounceTimer),
        watchConnectivity(onConnectivity),
        observeLocalStatus(db, onLocalStatus, (error) => store.update({ lastError: saidMessageOf(error) })),
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
    requestByPerson() {
      askedByPerson = true;
      return flight.request();
    },
  };
}
