// Encryption at rest: a DBCore middleware that stores every record with only its
// primary key and indexed properties in the clear (ids, dates, statuses: see the
// stores in schema.ts, none of them holds personal content) and everything else
// sealed with the user's data key in one AES-GCM blob. Repositories, the sync
// engine and live queries above it see plain records; every layer of Dexie below
// it (the live-query cache, observability, IndexedDB) sees only the stored form.
//
// This file puts the parts together: codec.ts splits and seals a row
// (remembering what it opened in cache.ts), keep-alive.ts keeps the IndexedDB
// transaction open while WebCrypto works.
import type {
  DBCore,
  DBCoreCursor,
  DBCoreMutateRequest,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { Dexie } from 'dexie';
import { createTableCodec, isSealedRow } from './codec';
import { keepAlive } from './keep-alive';

export { clearProperties, SEALED_PROPERTY } from './codec';

function encryptedTable(down: DBCoreTable, key: CryptoKey): DBCoreTable {
  const codec = createTableCodec(key, down.schema);

  function openMany<T extends readonly unknown[]>(
    trans: DBCoreTransaction,
    values: T,
  ): Promise<unknown[]> | T {
    if (!values.some(codec.needsOpening)) return values;
    return keepAlive(trans, codec.openAll(values));
  }

  function wrapCursor(cursor: DBCoreCursor, first: unknown): DBCoreCursor {
    let current = first;
    let fresh = true;
    // The wrapper inherits the cursor's own properties (Dexie's bound continue/stop/...).
    // IndexedDB's key and primaryKey are getters on IDBCursor.prototype that refuse any
    // other receiver ("Illegal invocation" in Chromium), so they are read from the cursor.
    return Object.create(cursor, {
      key: { get: () => cursor.key },
      primaryKey: { get: () => cursor.primaryKey },
      value: { get: () => current },
      start: {
        value: (onNext: () => void) =>
          cursor.start(() => {
            if (fresh) {
              fresh = false;
              onNext();
              return;
            }
            keepAlive(cursor.trans, codec.openValue(cursor.value)).then(
              (value) => {
                current = value;
                try {
                  onNext();
                } catch (error) {
                  cursor.fail(error as Error);
                }
              },
              (error: unknown) => cursor.fail(error as Error),
            );
          }),
      },
    }) as DBCoreCursor;
  }

  // No async functions here: every step chains on a Dexie promise made in the caller's zone (see keepAlive).
  const inZone = <T>(value: T | PromiseLike<T>) => Dexie.Promise.resolve(value);
  return {
    ...down,
    mutate(req: DBCoreMutateRequest) {
      if (req.type !== 'add' && req.type !== 'put') return down.mutate(req);
      return keepAlive(req.trans, codec.sealAll(req.values)).then((values) => {
        if (req.type === 'add') return down.mutate({ ...req, values });
        // The change specs would carry personal content past this layer; the full values make them redundant.
        const { updates: _updates, changeSpec: _changeSpec, criteria: _criteria, ...rest } = req;
        return down.mutate({ ...rest, values });
      });
    },
    get(req) {
      return inZone(down.get(req)).then((stored) =>
        codec.needsOpening(stored) ? keepAlive(req.trans, codec.openValue(stored)) : stored,
      );
    },
    getMany(req) {
      return inZone(down.getMany(req)).then((stored) => openMany(req.trans, stored));
    },
    query(req) {
      return inZone(down.query(req)).then((response) =>
        req.values
          ? inZone(openMany(req.trans, response.result)).then((result) => ({ ...response, result }))
          : response,
      );
    },
    openCursor(req) {
      return inZone(down.openCursor(req)).then((cursor) => {
        if (!cursor || !req.values) return cursor;
        if (!codec.needsOpening(cursor.value)) return wrapCursor(cursor, cursor.value);
        return keepAlive(req.trans, codec.openValue(cursor.value)).then((first) => wrapCursor(cursor, first));
      });
    },
  };
}

/** The middleware sealing every table's non-indexed properties with `key` (see the top of this file). */
export function encryptionMiddleware(key: CryptoKey): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'Encryption',
    create(down: DBCore): DBCore {
      const tables = new Map<string, DBCoreTable>();
      const table = (name: string) => {
        let encrypted = tables.get(name);
        if (!encrypted) {
          encrypted = encryptedTable(down.table(name), key);
          tables.set(name, encrypted);
        }
        return encrypted;
      };
      return { ...down, table };
    },
  };
}

/** The primary keys of the rows of a store still in the clear (written before the database was encrypted). */
function plaintextKeys(idb: IDBDatabase, store: string): Promise<IDBValidKey[]> {
  return new Promise((resolve, reject) => {
    const keys: IDBValidKey[] = [];
    const request = idb.transaction(store, 'readonly').objectStore(store).openCursor();
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(keys);
      if (!isSealedRow(cursor.value)) keys.push(cursor.primaryKey);
      cursor.continue();
    };
  });
}

/**
 * Seals the rows a database holds in the clear from before it was opened with a
 * key (an app update on a device with data): each is read and written back
 * through the middleware, table by table, each table in one transaction.
 */
export async function sealPlaintextRows(db: Dexie): Promise<number> {
  const idb = db.backendDB();
  let sealed = 0;
  for (const table of db.tables) {
    const keys = await plaintextKeys(idb, table.name);
    if (keys.length === 0) continue;
    await db.transaction('rw', table, async () => {
      const values = (await table.bulkGet(keys)).filter((value) => value !== undefined);
      await table.bulkPut(values);
    });
    sealed += keys.length;
  }
  return sealed;
}
