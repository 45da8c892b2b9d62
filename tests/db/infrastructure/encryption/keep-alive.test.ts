// keepAlive on its own, on plain IndexedDB: a transaction outlives slow
// asynchronous work and takes the next request after it, as one transaction.
import type { DBCoreTransaction } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepAlive } from '../../../../src/db/infrastructure/encryption/keep-alive';

let idb: IDBDatabase;
let name: string;

beforeEach(async () => {
  name = `keep-alive-${crypto.randomUUID()}`;
  idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const opening = indexedDB.open(name, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore('rows');
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
});

afterEach(async () => {
  idb.close();
  await new Promise((resolve) => {
    indexedDB.deleteDatabase(name).onsuccess = resolve;
  });
});

/** Work that spans several tasks, as WebCrypto's does. */
const slowly = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 20));
const asCore = (tx: IDBTransaction) => tx as unknown as DBCoreTransaction;

function finished(tx: IDBTransaction): Promise<'complete' | 'abort'> {
  return new Promise((resolve) => {
    tx.oncomplete = () => resolve('complete');
    tx.onabort = () => resolve('abort');
  });
}

function readRow(key: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = idb.transaction('rows').objectStore('rows').get(key);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('keepAlive', () => {
  it('keeps the transaction open through slow work, so the next request joins it', async () => {
    const tx = idb.transaction('rows', 'readwrite');
    const done = finished(tx);
    tx.objectStore('rows').put('vorher', 'a');

    const value = await keepAlive(asCore(tx), slowly('versiegelt'));
    tx.objectStore('rows').put(value, 'b');

    expect(await done).toBe('complete');
    expect(await readRow('a')).toBe('vorher');
    expect(await readRow('b')).toBe('versiegelt');
  });

  it('without it, the transaction has committed by the time the slow work is done', async () => {
    const tx = idb.transaction('rows', 'readwrite');
    await slowly(null);
    expect(() => tx.objectStore('rows').put('zu spät', 'b')).toThrow();
  });

  it('passes the work’s failure on, inside the still open transaction', async () => {
    const tx = idb.transaction('rows', 'readwrite');
    const done = finished(tx);
    const failing = slowly(null).then(() => {
      throw new Error('kaputt');
    });

    await expect(keepAlive(asCore(tx), failing)).rejects.toThrow('kaputt');
    tx.abort();

    expect(await done).toBe('abort');
  });

  it('still hands the result back when the transaction has already finished', async () => {
    const tx = idb.transaction('rows', 'readonly');
    await finished(tx);

    expect(await keepAlive(asCore(tx), slowly('geöffnet'))).toBe('geöffnet');
  });
});
