// How one table's rows are sealed and opened: the primary key and the indexed
// properties stay in the clear (IndexedDB needs them there), everything else goes
// into one AES-GCM blob under SEALED_PROPERTY. The split comes from the table's
// schema, so a new field is sealed without anyone remembering to, and a new
// index is in the clear: an index must never be put on a personal field.
import type { DBCoreTableSchema } from 'dexie';
import { isSealed, type Sealed, seal, unseal } from '../../../crypto/sealed';
import { createOpenedValues } from './cache';

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

type SealedRow = Value & { [SEALED_PROPERTY]: Sealed };

/** A stored row that holds a sealed blob (rows written before encryption do not). */
export function isSealedRow(stored: unknown): stored is SealedRow {
  return isPlainObject(stored) && isSealed(stored[SEALED_PROPERTY]);
}

export interface TableCodec {
  sealAll(values: readonly unknown[]): Promise<unknown[]>;
  openAll(stored: readonly unknown[]): Promise<unknown[]>;
  openValue(stored: unknown): Promise<unknown>;
  /** Whether `stored` has a sealed part to open (cheap, no crypto). */
  needsOpening(stored: unknown): boolean;
}

export function createTableCodec(key: CryptoKey, schema: DBCoreTableSchema): TableCodec {
  const clear = clearProperties(schema);
  const { primaryKey } = schema;
  // Bind each blob to its record, so blobs cannot be swapped between records;
  // an auto-incremented key is only known after the write, so there it is the table alone.
  const bindsKey = !primaryKey.autoIncrement && !primaryKey.outbound && primaryKey.extractKey !== undefined;
  const where = (stored: Value) =>
    bindsKey ? `${schema.name}\u0000${JSON.stringify(primaryKey.extractKey?.(stored))}` : schema.name;
  // Used only where blobs are bound to their record: a place naming the table alone would mix its records up.
  const opened = createOpenedValues();

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
    if (bindsKey) opened.remember(place, sealed.iv, value);
    return stored;
  }

  async function openValue(stored: unknown): Promise<unknown> {
    if (!isSealedRow(stored)) return stored; // written before encryption
    const { [SEALED_PROPERTY]: sealed, ...inClear } = stored;
    const place = where(stored);
    const known = bindsKey ? opened.recall(place, sealed.iv) : undefined;
    if (known) return known;
    const secret = (await unseal(key, sealed, place)) as Value;
    const value = { ...secret, ...inClear };
    if (bindsKey) opened.remember(place, sealed.iv, value);
    return value;
  }

  return {
    sealAll: (values) => Promise.all(values.map(sealValue)),
    openAll: (stored) => Promise.all(stored.map(openValue)),
    openValue,
    needsOpening: (stored) => isPlainObject(stored) && SEALED_PROPERTY in stored,
  };
}

function isPlainObject(value: unknown): value is Value {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
