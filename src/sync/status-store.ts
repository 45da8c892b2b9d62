// The sync status the UI shows, as an external store: getState() returns the same
// object until something changes, which is what React's useSyncExternalStore needs.
import type { SaidMessage } from '../shared/messages';
import type { LiveStatus } from './live-events';

export type SyncPhase =
  | 'idle'
  | 'syncing'
  | 'offline'
  | 'error'
  | 'unauthorized'
  | 'upgrade_required'
  /** A lead revoked this device or user: the session wipes the local data. */
  | 'revoked';

/** Where a running sync is, for a progress bar. */
export interface SyncProgress {
  phase: 'push' | 'pull';
  /** push: changes the server answered so far; pull: changes and removals received so far. */
  done: number;
  /** push: changes waiting when the push began; pull: null, the server does not say how many remain. */
  total: number | null;
}

export interface SyncState {
  phase: SyncPhase;
  /** What the browser says about the network (navigator.onLine and its events). */
  online: boolean;
  /** Outbox entries waiting for the server. */
  pendingCount: number;
  /** Outbox entries the server refused; they stay until the user deals with them. */
  rejectedCount: number;
  /** Open conflicts over all records on this device. */
  conflictCount: number;
  /** When the oldest waiting change was made (see db/infrastructure/storage.ts isStale for the warning). */
  oldestPendingAt: string | null;
  lastSyncedAt: string | null;
  /** Why the last run failed, kept as a coded message so the UI says it in its language. */
  lastError: SaidMessage | null;
  /** Changes and removals received by the current (or last) pull, for progress. */
  pulled: number;
  /** Set while a sync runs. */
  progress: SyncProgress | null;
  /** The live connection (server events that start a sync at once); see live-events.ts. */
  live: LiveStatus;
}

/** The state before anything is known; also for placeholders that stand in for an engine. */
export function initialSyncState(online: boolean): SyncState {
  return {
    phase: online ? 'idle' : 'offline',
    online,
    pendingCount: 0,
    rejectedCount: 0,
    conflictCount: 0,
    oldestPendingAt: null,
    lastSyncedAt: null,
    lastError: null,
    pulled: 0,
    progress: null,
    live: 'off',
  };
}

export interface StatusStore {
  getState(): SyncState;
  update(patch: Partial<SyncState>): void;
  subscribe(listener: () => void): () => void;
}

export function createStatusStore(initial: SyncState): StatusStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    update(patch) {
      const changed = (Object.keys(patch) as (keyof SyncState)[]).some((key) => patch[key] !== state[key]);
      if (!changed) return;
      state = { ...state, ...patch };
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
