// WebCrypto is asynchronous, and an IndexedDB transaction commits as soon as it
// has no pending request at the end of a task. While a value is sealed or opened,
// keepAlive keeps the transaction busy with dummy reads (what Dexie.waitFor
// does) and hands the result back inside a request callback, where the
// transaction is active again, so the caller's next request joins the same
// transaction: multi-step transactions stay atomic.
import type { DBCoreTransaction } from 'dexie';
import { Dexie } from 'dexie';

/**
 * Runs `work` while keeping the IndexedDB transaction alive, and settles inside a
 * request callback (the transaction is active there) so the caller can go on using it.
 * The result is a Dexie promise made in the caller's zone: Dexie follows its
 * transaction through the caller's awaits by that zone, which a plain promise
 * settled from a raw IndexedDB callback would lose.
 */
export function keepAlive<T>(trans: DBCoreTransaction, work: Promise<T>): Promise<T> {
  const idb = trans as unknown as IDBTransaction;
  const storeName = typeof idb.objectStore === 'function' ? idb.objectStoreNames?.[0] : undefined;
  const store = storeName === undefined ? null : storeOfLiveTransaction(idb, storeName);
  // Nothing to keep alive: the transaction has finished, e.g. a read that Dexie's
  // live-query cache answered after its transaction committed. The values are still
  // worth opening; a write in a finished transaction fails on its own.
  if (!store) return Dexie.Promise.resolve(work);
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
  void work.then(
    (value) => {
      outcome = { ok: true, value };
    },
    (error: unknown) => {
      outcome = { ok: false, error };
    },
  );
  return new Dexie.Promise<T>((resolve, reject) => {
    const spin = () => {
      if (outcome) {
        if (outcome.ok) resolve(outcome.value);
        else reject(outcome.error);
        return;
      }
      let request: IDBRequest;
      try {
        request = store.get(-Infinity);
      } catch {
        // The transaction ended meanwhile (committed or aborted elsewhere): wait without it.
        void work.then(resolve, reject);
        return;
      }
      request.onsuccess = spin;
      request.onerror = () => reject(request.error);
    };
    spin();
  });
}

/** The object store through a transaction that can still take requests, else null. */
function storeOfLiveTransaction(idb: IDBTransaction, storeName: string): IDBObjectStore | null {
  try {
    return idb.objectStore(storeName);
  } catch {
    // InvalidStateError: the transaction has finished.
    return null;
  }
}
