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
 * user syncs (or renews the token) at a time; another tab waits, then finds
 * little left to do.
 * Without Web Locks it simply runs.
 */
export async function withSyncLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (typeof locks?.request !== 'function') return task();
  return locks.request(name, task);
}

/**
 * Runs `task` while holding the Web Lock `name` for as long as the task runs,
 * waiting in the lock's queue while another tab holds it. An aborted `signal`
 * gives up waiting (the task itself must watch the signal to end). Without Web
 * Locks the task simply runs.
 */
export async function whileHoldingLock(
  name: string,
  signal: AbortSignal,
  task: () => Promise<void>,
): Promise<void> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (typeof locks?.request !== 'function') return task();
  try {
    await locks.request(name, { signal }, task);
  } catch (error) {
    // Given up while waiting: AbortError, expected.
    if (!signal.aborted) throw error;
  }
}
