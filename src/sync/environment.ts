// The few browser facilities the engine uses, each guarded so the engine also
// runs where they are missing (unit tests in Node, old browsers).

/** navigator.onLine where there is one; true where nobody can tell. */
export function browserSaysOnline(): boolean {
  const navigatorLike = globalThis.navigator as Navigator | undefined;
  return typeof navigatorLike?.onLine === 'boolean' ? navigatorLike.onLine : true;
}

/** Listens to the window's online/offline events; returns how to stop listening. */
export function watchConnectivity(onChange: (online: boolean) => void): () => void {
  const target = globalThis.window as Window | undefined;
  if (typeof target?.addEventListener !== 'function') return () => {};
  const goOnline = () => onChange(true);
  const goOffline = () => onChange(false);
  target.addEventListener('online', goOnline);
  target.addEventListener('offline', goOffline);
  return () => {
    target.removeEventListener('online', goOnline);
    target.removeEventListener('offline', goOffline);
  };
}

/**
 * Runs `task` while holding a Web Lock of that name, so only one tab of the same
 * user syncs at a time (another tab waits, then finds little left to do).
 * Without Web Locks it simply runs.
 */
export async function withSyncLock(name: string, task: () => Promise<void>): Promise<void> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (typeof locks?.request !== 'function') return task();
  await locks.request(name, task);
}
