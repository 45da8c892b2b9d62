// Encryption at rest: a DBCore middleware that stores every record with only its
// primary key and indexed properties in the clear (ids, dates, statuses: see the
// stores in schema.ts, none of them holds personal content) and everything else
// sealed with the user's data key in one AES-GCM blob. Repositories, the sync
// engine and live queries above it see plain records; every layer of Dexie below
// it (the live-query cache, observability, IndexedDB) sees only the stored form.
//
// The split comes from each table's schema, so a new field is sealed without
// anyone remembering to, and a new index is in the clear because IndexedDB needs
// it there: an index must never be put on a personal field.
//
// WebCrypto is asynchronous, and an IndexedDB transaction commits as soon as it
// has no pending request at the end of a task. While a value is sealed or opened,
// `keepAlive` keeps the transaction busy with dummy reads (what Dexie.waitFor
// does) and hands the result back inside a request callback, where the
// transaction is active again, so the caller's next request joins the same
// transaction: multi-step transactions stay atomic.

import type {
  DBCore,
  DBCoreCursor,
  DBCoreMutateRequest,
  DBCoreTable,
  DBCoreTableSchema,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { Dexie } from 'dexie';
import { isSealed, type Sealed, seal, unseal } from '../crypto/sealed';

/** The property of a stored value holding its sealed part. */
export const SEALED_PROPERTY = '__sealed';

type Value = Record<string, unknown>;

/** The top-level properties a table keeps in the clear: its primary key and every index. */
export function clearProperties(schema: DBCoreTableSchema): Set<string> {
  const names = new Set<string>();
  for (const index of [schema.primaryKey, ...schema.indexes]) {
    const paths =
      index.keyPath === null ? [] : Array.isArray(index.keyPath) ? index.keyPath : [index.keyPath];
    for (const path of paths) names.add(path.split('.')[0] as string);
  }
  return names;
}

/**
 * Runs `work` while keeping the IndexedDB transaction alive, and settles inside a
 * request callback (the transaction is active there) so the caller can go on using it.
 * The result is a Dexie promise made in the caller's zone: Dexie follows its
 * transaction through the caller's awaits by that zone, which a plain promise
 * settled from a raw IndexedDB callback would lose.
 */
function keepAlive<T>(trans: DBCoreTransaction, work: Promise<T>): Promise<T> {
  const idb = trans as unknown as IDBTransaction;
  const storeName = typeof idb.objectStore === 'function' ? idb.objectStoreNames?.[0] : undefined;
  const store = storeName === undefined ? null : storeOfLiveTransaction(idb, storeName);
  // Nothing to keep alive: the transaction has finished, e.g. a read that Dexie's
  // live-query cache answered after its transaction committed. The values are still
  // worth opening; a write in a finished transaction fails on its own, below.
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

/** Per table: enough for every record of a large team's device, bounded all the same. */
const MAX_REMEMBERED = 50_000;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isPlainObject(value: unknown): value is Value {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How one table's values are sealed and opened. */
function tableCodec(key: CryptoKey, schema: DBCoreTableSchema) {
  const clear = clearProperties(schema);
  const { primaryKey } = schema;
  // Bind each blob to its record, so blobs cannot be swapped between records;
  // an auto-incremented key is only known after the write, so there it is the table alone.
  const bindsKey = !primaryKey.autoIncrement && !primaryKey.outbound && primaryKey.extractKey !== undefined;
  const where = (stored: Value) =>
    bindsKey ? `${schema.name}\u0000${JSON.stringify(primaryKey.extractKey?.(stored))}` : schema.name;

  // Values opened (or sealed) before, by record, with the IV of the blob they came from.
  // A live query re-reads whole tables after every write; opening 10,000 notes again
  // each time was most of a save's and a first sync's time. Every write seals with a
  // fresh random IV, so a blob whose IV matches is exactly the one remembered, whoever
  // wrote it (another tab too). Callers get copies: Dexie's modify() edits what it reads.
  // Held in memory only while the database is open, like the key itself.
  const opened = new Map<string, { iv: Uint8Array; value: Value }>();
  function remember(place: string, sealed: Sealed, value: Value): void {
    if (opened.size >= MAX_REMEMBERED) opened.clear();
    opened.set(place, { iv: sealed.iv, value: structuredClone(value) });
  }
  function recall(place: string, sealed: Sealed): Value | undefined {
    const known = opened.get(place);
    return known && sameBytes(known.iv, sealed.iv) ? structuredClone(known.value) : undefined;
  }

  async function sealValue(value: unknown): Promise<unknown> {
    if (!isPlainObject(value)) return value;
    const stored: Value = {};
    const secret: Value = {};
    for (const [property, v] of Object.entries(value)) {
      if (clear.has(property)) stored[property] = v;
      else secret[property] = v;
    }
    const place = where(stored);
    const sealed = await seal(key, secret, place);
    stored[SEALED_PROPERTY] = sealed;
    if (bindsKey) remember(place, sealed, value);
    return stored;
  }

  async function openValue(stored: unknown): Promise<unknown> {
    if (!isPlainObject(stored) || !isSealed(stored[SEALED_PROPERTY])) return stored; // written before encryption
    const { [SEALED_PROPERTY]: sealed, ...inClear } = stored;
    const place = where(stored);
    const known = bindsKey ? recall(place, sealed as Sealed) : undefined;
    if (known) return known;
    const secret = (await unseal(key, sealed as Sealed, place)) as Value;
    const value = { ...secret, ...inClear };
    if (bindsKey) remember(place, sealed as Sealed, value);
    return value;
  }

  const needsOpening = (stored: unknown) => isPlainObject(stored) && SEALED_PROPERTY in stored;

  return {
    sealAll: (values: readonly unknown[]) => Promise.all(values.map(sealValue)),
    openAll: (values: readonly unknown[]) => Promise.all(values.map(openValue)),
    openValue,
    needsOpening,
  };
}

function encryptedTable(down: DBCoreTable, key: CryptoKey): DBCoreTable {
  const codec = tableCodec(key, down.schema);

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
      const value = cursor.value as unknown;
      if (!isPlainObject(value) || !isSealed(value[SEALED_PROPERTY])) keys.push(cursor.primaryKey);
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
