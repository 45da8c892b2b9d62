// Reading a database as it lies on the disk: plain IndexedDB, no Dexie schema, no middleware.

/** Every value of every object store of the database `name`, by store. */
export function readRawStores(name: string): Promise<Record<string, unknown[]>> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(name);
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const idb = opening.result;
      const names = [...idb.objectStoreNames];
      const tx = idb.transaction(names, 'readonly');
      const stores: Record<string, unknown[]> = {};
      for (const store of names) {
        const request = tx.objectStore(store).getAll();
        request.onsuccess = () => {
          stores[store] = request.result;
        };
      }
      tx.oncomplete = () => {
        idb.close();
        resolve(stores);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/**
 * Every piece of text in a stored value: its strings and keys, and its binary
 * parts read as UTF-8 and as Latin-1 (so plaintext inside a buffer is found too).
 */
export function textsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes =
      value instanceof ArrayBuffer
        ? new Uint8Array(value)
        : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    into.push(new TextDecoder().decode(bytes), new TextDecoder('latin1').decode(bytes));
  } else if (Array.isArray(value)) for (const item of value) textsIn(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      into.push(key);
      textsIn(item, into);
    }
  }
  return into;
}

/** The known plaintexts found anywhere in the stored database, with the store they were found in. */
export async function plaintextsFound(name: string, plaintexts: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const [store, values] of Object.entries(await readRawStores(name))) {
    const texts = textsIn(values);
    for (const plaintext of plaintexts) {
      if (texts.some((text) => text.includes(plaintext))) found.push(`${store}: ${plaintext}`);
    }
  }
  return found;
}

/** Writes values into a store as they are, past any middleware (an attacker with the disk). */
export function writeRaw(name: string, store: string, values: readonly unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(name);
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const idb = opening.result;
      const tx = idb.transaction(store, 'readwrite');
      for (const value of values) tx.objectStore(store).put(value);
      tx.oncomplete = () => {
        idb.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
