// How safe the device's data is: persistent storage, space used, and how long
// changes have been waiting. Browsers may evict a site's IndexedDB under storage
// pressure (iOS even without it, for sites not added to the home screen) unless
// persistence was granted; unsynced changes that grow old are the ones at risk.

/** Changes waiting longer than this get a warning. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export interface StorageInfo {
  /** Bytes used and available to this site; null where the browser does not tell. */
  usage: number | null;
  quota: number | null;
  /** Whether the browser promised not to evict this site's data; null where it cannot say. */
  persisted: boolean | null;
}

function storageManager(): StorageManager | undefined {
  return (globalThis.navigator as Navigator | undefined)?.storage;
}

let persistenceRequest: Promise<boolean> | null = null;

/**
 * Asks once per page load for persistent storage (call at login and at start);
 * resolves to whether it is granted. Never rejects.
 */
export function requestPersistence(): Promise<boolean> {
  persistenceRequest ??= (async () => {
    const storage = storageManager();
    if (typeof storage?.persist !== 'function') return false;
    try {
      if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
      return await storage.persist();
    } catch {
      return false;
    }
  })();
  return persistenceRequest;
}

export async function getStorageInfo(): Promise<StorageInfo> {
  const storage = storageManager();
  const [estimate, persisted] = await Promise.all([
    typeof storage?.estimate === 'function' ? storage.estimate().catch(() => null) : null,
    typeof storage?.persisted === 'function' ? storage.persisted().catch(() => null) : null,
  ]);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}

/** Whether the oldest waiting change (see oldestPendingAt) is older than STALE_AFTER_MS. */
export function isStale(oldestPendingAt: string | null, now: number = Date.now()): boolean {
  if (!oldestPendingAt) return false;
  return now - Date.parse(oldestPendingAt) > STALE_AFTER_MS;
}
