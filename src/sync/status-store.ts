// The sync status the UI shows, as an external store: getState() returns the same
// object until something changes, which is what React's useSyncExternalStore needs.
export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'error' | 'unauthorized' | 'upgrade_required';

export interface SyncState {
  phase: SyncPhase;
  /** What the browser says about the network (navigator.onLine and its events). */
  online: boolean;
  /** Outbox entries waiting for the server. */
  pendingCount: number;
  /** Outbox entries the server refused; they stay until the user deals with them. */
  rejectedCount: number;
  lastSyncedAt: string | null;
  lastError: string | null;
  /** Changes and removals received by the current (or last) pull, for progress. */
  pulled: number;
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
