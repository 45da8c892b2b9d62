// The sync engine of one user's database on this device: what the session and
// the UI hold. It puts together the status the UI shows (status-store.ts), what
// one run does (sync-run.ts) and when runs happen (sync-schedule.ts).
import type { FeldakteDb } from '../db/infrastructure/schema';
import type { CaseAuditEntry, CaseExport, DeviceStatus } from '../shared/protocol';
import { type AdminApi, createAdminApi } from './admin-api';
import type { ApiClient } from './api-client';
import { browserSaysOnline } from './environment';
import { createStatusStore, initialSyncState, type SyncState } from './status-store';
import { createSyncSchedule } from './sync-schedule';

export type { LiveStatus } from './live-events';
export type { SyncPhase, SyncProgress, SyncState } from './status-store';

export const DEFAULT_SYNC_INTERVAL_MS = 60_000;
export const DEFAULT_WRITE_DEBOUNCE_MS = 1_500;

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
  /** Leads: a case's audit log ("Protokoll"), newest as the server orders it. Online only, rejects like teamDevices. */
  caseAudit(caseId: string): Promise<CaseAuditEntry[]>;
  /** Leads: a case's Art. 15 export ("Akte exportieren"). Online only, rejects like teamDevices. */
  caseExport(caseId: string): Promise<CaseExport>;
  /** People, teams, devices and team settings on the server ("Team & Zugänge"), online only. */
  admin(): Promise<AdminApi>;
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
  const { api } = opts;
  const admin = createAdminApi(api);
  const store = createStatusStore(initialSyncState(browserSaysOnline()));
  const schedule = createSyncSchedule({
    db: opts.db,
    api,
    store,
    intervalMs: opts.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS,
    writeDebounceMs: opts.writeDebounceMs ?? DEFAULT_WRITE_DEBOUNCE_MS,
    liveEvents: opts.liveEvents !== false,
    random: opts.random,
  });

  return {
    start: schedule.start,
    stop: schedule.stop,
    syncNow: schedule.requestByPerson,
    getState: store.getState,
    subscribe: store.subscribe,
    async teamDevices() {
      return (await api.getTeamDevices()).devices;
    },
    async caseAudit(caseId) {
      return (await api.getCaseAudit(caseId)).entries;
    },
    caseExport: (caseId) => api.getCaseExport(caseId),
    admin: async () => admin,
  };
}
