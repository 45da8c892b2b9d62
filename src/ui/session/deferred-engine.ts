// A SyncEngine that loads the real one after the first screen is up. The sync
// code (and the protocol's response checks) is not needed to show local data, so
// it arrives a moment later as its own chunk instead of weighing on the first paint.
import type { SyncEngine } from '../../sync';
// The status store module directly, not the sync index: that would pull the engine into the first screen.
import { initialSyncState } from '../../sync/status-store';

export function createDeferredEngine(load: () => Promise<SyncEngine>): SyncEngine {
  const placeholder = initialSyncState(navigator.onLine);
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  let real: SyncEngine | null = null;
  let running = false;

  const ready = load().then((engine) => {
    real = engine;
    engine.subscribe(notify);
    if (running) engine.start();
    notify();
    return engine;
  });

  return {
    start() {
      running = true;
      real?.start();
    },
    stop() {
      running = false;
      real?.stop();
    },
    async syncNow() {
      await (await ready).syncNow();
    },
    async teamDevices() {
      return (await ready).teamDevices();
    },
    async caseAudit(caseId) {
      return (await ready).caseAudit(caseId);
    },
    async caseExport(caseId) {
      return (await ready).caseExport(caseId);
    },
    async admin() {
      return (await ready).admin();
    },
    getState: () => real?.getState() ?? placeholder,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
