// "A new version is waiting" as a tiny external store, fed by the service worker
// registration (register-service-worker.ts) and read by the UpdatePrompt.
let needRefresh = false;
let applyUpdate: (() => Promise<void>) | null = null;
const listeners = new Set<() => void>();

function setNeedRefresh(value: boolean): void {
  needRefresh = value;
  for (const listener of [...listeners]) listener();
}

export const updateStore = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  getSnapshot: (): boolean => needRefresh,
  /** Called by the registration when a new service worker is installed and waiting. */
  offer(apply: () => Promise<void>): void {
    applyUpdate = apply;
    setNeedRefresh(true);
  },
  dismiss: (): void => setNeedRefresh(false),
  /** Resolves true once a new version is waiting, or false after `timeoutMs`. */
  whenOffered(timeoutMs: number): Promise<boolean> {
    if (needRefresh) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (offered: boolean) => {
        clearTimeout(timer);
        unsubscribe();
        resolve(offered);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      const unsubscribe = updateStore.subscribe(() => {
        if (needRefresh) finish(true);
      });
    });
  },
  apply: (): Promise<void> => applyUpdate?.() ?? Promise.resolve(),
};
