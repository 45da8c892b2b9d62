// The codec of one table on its own, without Dexie or IndexedDB: which properties
// stay in the clear, that a sealed row opens to the value it came from, that a
// blob is bound to its record, and that an opened value is remembered.
import type { DBCoreIndex, DBCoreTableSchema } from 'dexie';
import { describe, expect, it } from 'vitest';
import { generateDataKey } from '../../../../src/crypto/data-key';
import { isSealed, type Sealed, UnsealError } from '../../../../src/crypto/sealed';
import {
  clearProperties,
  createTableCodec,
  isSealedRow,
  SEALED_PROPERTY,
} from '../../../../src/db/infrastructure/encryption/codec';

const key = await generateDataKey();

function index(keyPath: string | string[], extra: Partial<DBCoreIndex> = {}): DBCoreIndex {
  const paths = Array.isArray(keyPath) ? keyPath : [keyPath];
  return {
    name: Array.isArray(keyPath) ? `[${keyPath.join('+')}]` : keyPath,
    keyPath,
    compound: Array.isArray(keyPath),
    extractKey: (value: Record<string, unknown>) =>
      paths.length > 1 ? paths.map((p) => value[p]) : value[paths[0] as string],
    ...extra,
  };
}

function tableSchema(name: string, primaryKey: DBCoreIndex, indexes: DBCoreIndex[]): DBCoreTableSchema {
  return { name, primaryKey, indexes, getIndexByKeyPath: () => undefined };
}

const notes = tableSchema('notes', index('id', { isPrimaryKey: true, unique: true }), [
  index('caseId'),
  index('meta.date'),
  index(['caseId', 'date']),
]);
const outbox = tableSchema('outbox', index('seq', { isPrimaryKey: true, autoIncrement: true }), [
  index('status'),
]);

const note = {
  id: 'n1',
  caseId: 'c1',
  date: '2026-03-02',
  meta: { date: 'x' },
  text: 'Mutter berichtet',
  tags: ['Schule'],
};

describe('table codec', () => {
  it('keeps the primary key and the top-level property of every index in the clear', () => {
    expect([...clearProperties(notes)].sort()).toEqual(['caseId', 'date', 'id', 'meta']);
  });

  it('seals every other property into one blob, and opens it to the value it came from', async () => {
    const codec = createTableCodec(key, notes);
    const [stored] = await codec.sealAll([note]);

    expect(Object.keys(stored as object).sort()).toEqual(
      ['caseId', 'date', 'id', 'meta', SEALED_PROPERTY].sort(),
    );
    expect(isSealed((stored as Record<string, unknown>)[SEALED_PROPERTY])).toBe(true);
    expect(isSealedRow(stored)).toBe(true);
    expect(codec.needsOpening(stored)).toBe(true);
    // A fresh codec remembers nothing: this opens the blob.
    expect(await createTableCodec(key, notes).openValue(stored)).toEqual(note);
  });

  it('passes rows without a blob (written before encryption) and non-objects through', async () => {
    const codec = createTableCodec(key, notes);
    expect(isSealedRow(note)).toBe(false);
    expect(codec.needsOpening(note)).toBe(false);
    expect(await codec.openAll([note, 7, null])).toEqual([note, 7, null]);
    expect(await codec.sealAll([7, null])).toEqual([7, null]);
  });

  it('binds a blob to its record: moved to another id it does not open', async () => {
    const [stored] = (await createTableCodec(key, notes).sealAll([note])) as Record<string, unknown>[];
    const moved = { ...stored, id: 'n2' };
    await expect(createTableCodec(key, notes).openValue(moved)).rejects.toBeInstanceOf(UnsealError);
  });

  it('binds a blob of an auto-incremented table to the table, and opens it there', async () => {
    const entry = { seq: 4, status: 'pending', payload: { text: 'Mutter berichtet' } };
    const [stored] = (await createTableCodec(key, outbox).sealAll([entry])) as Record<string, unknown>[];
    expect(Object.keys(stored as object).sort()).toEqual([SEALED_PROPERTY, 'seq', 'status'].sort());
    expect(await createTableCodec(key, outbox).openValue({ ...stored, seq: 5 })).toEqual({
      ...entry,
      seq: 5,
    });
  });

  it('remembers what it sealed and opened, by the IV of the blob', async () => {
    const codec = createTableCodec(key, notes);
    const [stored] = (await codec.sealAll([note])) as Record<string, unknown>[];
    const sealed = stored?.[SEALED_PROPERTY] as Sealed;
    const unreadable = { ...stored, [SEALED_PROPERTY]: { iv: sealed.iv, ct: new ArrayBuffer(32) } };

    // Same IV: the value sealed before comes back without opening the (spoilt) blob, as a copy.
    const first = (await codec.openValue(unreadable)) as typeof note;
    expect(first).toEqual(note);
    first.tags.push('geändert');
    expect(await codec.openValue(unreadable)).toEqual(note);

    // Another IV is another write: it is opened, and here it does not open.
    const rewritten = { ...stored, [SEALED_PROPERTY]: { iv: new Uint8Array(12), ct: sealed.ct } };
    await expect(codec.openValue(rewritten)).rejects.toBeInstanceOf(UnsealError);
  });
});
