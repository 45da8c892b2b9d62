// The encryption middleware under the app's repositories: what stays in the clear,
// that every way of reading decrypts, and that transactions stay atomic.
import { type DBCore, type DBCoreTransaction, liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDataKey } from '../../../../src/crypto/data-key';
import { UnsealError } from '../../../../src/crypto/sealed';
import {
  clearProperties,
  encryptionMiddleware,
  SEALED_PROPERTY,
} from '../../../../src/db/infrastructure/encryption/middleware';
import { FeldakteDb } from '../../../../src/db/infrastructure/schema';
import { createCase, updateCase } from '../../../../src/db/repositories/cases';
import { createNote } from '../../../../src/db/repositories/notes';
import { caseFields, freshDb, noteFields, openTestDb, testDataKey, worker } from '../../support/fixtures';
import { readRawStores, writeRaw } from '../../support/raw-idb';

let db: FeldakteDb;

beforeEach(() => {
  db = freshDb();
});

afterEach(async () => {
  db.close();
  await FeldakteDb.delete(db.name);
});

/**
 * What each table keeps in the clear: the primary key and the indexed
 * properties. Ids, dates, times, statuses and the conflict flag; nothing a person
 * wrote. A new index shows up here, so adding one is a decision someone sees.
 */
const CLEAR = {
  cases: ['id', 'status', 'assignedTo', 'hasConflicts'],
  notes: ['id', 'caseId', 'date', 'authorId', 'appointmentId', 'hasConflicts'],
  appointments: ['id', 'caseId', 'date', 'time', 'workerId', 'hasConflicts'],
  preConsultations: ['id', 'date', 'hasConflicts'],
  substitutions: ['id', 'caseId', 'substituteId', 'hasConflicts'],
  members: ['id'],
  outbox: ['seq', 'id', 'recordId', 'status', 'caseId'],
  meta: ['key'],
  bases: ['id'],
  goals: ['id', 'caseId', 'hasConflicts'],
  comments: ['id', 'caseId', 'noteId', 'authorId', 'hasConflicts'],
  partners: ['id', 'hasConflicts'],
  drafts: ['key', 'caseId'],
};

describe('what stays in the clear', () => {
  it('is the primary key and the indexes of each table, nothing else', async () => {
    await db.open();
    const tables = db.core.schema.tables;
    expect(tables.map((t) => t.name).sort()).toEqual(Object.keys(CLEAR).sort());
    for (const table of tables) {
      expect([...clearProperties(table)].sort(), table.name).toEqual(
        [...CLEAR[table.name as keyof typeof CLEAR]].sort(),
      );
    }
  });

  it('stores every other property, in every table, only inside the sealed blob', async () => {
    await db.open();
    const secret = { personal: 'Streng vertraulich', nested: { deeper: ['auch das'] } };
    for (const table of db.tables) {
      const primary = table.schema.primKey;
      const record: Record<string, unknown> = { ...secret };
      if (!primary.auto) record[primary.keyPath as string] = `k-${table.name}`;
      for (const index of table.schema.indexes) {
        for (const path of [index.keyPath].flat()) if (path) record[path] ??= `i-${path}`;
      }
      const key = await table.put(record);
      expect(await table.get(key), table.name).toMatchObject(secret);
    }
    for (const [store, values] of Object.entries(await readRawStores(db.name))) {
      // meta also holds the open-concerns row (open-concerns.ts), sealed the same way.
      expect(values, store).toHaveLength(store === 'meta' ? 2 : 1);
      for (const stored of values as Record<string, unknown>[]) {
        expect(Object.keys(stored).sort(), store).toEqual(
          [...CLEAR[store as keyof typeof CLEAR], SEALED_PROPERTY].sort(),
        );
      }
    }
  });
});

describe('reading', () => {
  it('decrypts by key, by index, in bulk, through cursors, filters, sorting, modify and update', async () => {
    const c = await createCase(db, worker, caseFields({ familyName: 'Familie Aydin' }));
    const other = await createCase(
      db,
      worker,
      caseFields({ familyName: 'Familie Brandt', status: 'closed' }),
    );
    const notes = [];
    for (const [i, date] of ['2026-03-01', '2026-03-02', '2026-03-03'].entries())
      notes.push(await createNote(db, worker, noteFields(c.id, { date, text: `Notiz ${i}` })));

    expect((await db.cases.get(c.id))?.familyName).toBe('Familie Aydin');
    expect((await db.cases.bulkGet([other.id, c.id])).map((x) => x?.familyName)).toEqual([
      'Familie Brandt',
      'Familie Aydin',
    ]);
    expect((await db.cases.where('status').equals('closed').toArray()).map((x) => x.familyName)).toEqual([
      'Familie Brandt',
    ]);
    expect(
      (await db.notes.where('[caseId+date]').between([c.id, '2026-03-02'], [c.id, '\uffff']).toArray()).map(
        (n) => n.text,
      ),
    ).toEqual(['Notiz 1', 'Notiz 2']);
    // Collection.filter and .each walk a cursor.
    expect((await db.notes.filter((n) => n.text.endsWith('2')).toArray()).map((n) => n.date)).toEqual([
      '2026-03-03',
    ]);
    const seen: string[] = [];
    await db.notes
      .orderBy('date')
      .reverse()
      .each((n) => seen.push(n.text));
    expect(seen).toEqual(['Notiz 2', 'Notiz 1', 'Notiz 0']);
    expect(
      await db.notes
        .where('caseId')
        .equals(c.id)
        .filter((n) => n.text === 'Notiz 1')
        .count(),
    ).toBe(1);
    expect((await db.notes.where('caseId').equals(c.id).sortBy('text')).map((n) => n.text)).toEqual([
      'Notiz 0',
      'Notiz 1',
      'Notiz 2',
    ]);
    expect((await db.notes.orderBy('date').first())?.text).toBe('Notiz 0');

    await db.notes
      .where('caseId')
      .equals(c.id)
      .modify((n) => {
        n.text = `${n.text} (geändert)`;
      });
    await db.cases.update(other.id, { address: 'Am Markt 1' });
    expect((await db.notes.orderBy('date').toArray()).map((n) => n.text)).toEqual(
      notes.map((_, i) => `Notiz ${i} (geändert)`),
    );
    expect(await db.cases.get(other.id)).toMatchObject({
      familyName: 'Familie Brandt',
      address: 'Am Markt 1',
    });
  });

  it('live queries see the decrypted records and follow changes', async () => {
    const c = await createCase(db, worker, caseFields({ familyName: 'Familie Aydin' }));
    const seen: string[][] = [];
    const subscription = liveQuery(() => db.cases.toArray()).subscribe((cases) =>
      seen.push(cases.map((x) => x.familyName)),
    );
    try {
      await expect.poll(() => seen.at(-1)).toEqual(['Familie Aydin']);
      await updateCase(db, worker, c.id, { familyName: 'Familie Aydin-Roth' });
      await expect.poll(() => seen.at(-1)).toEqual(['Familie Aydin-Roth']);
    } finally {
      subscription.unsubscribe();
    }
  });
});

describe('transactions', () => {
  it('still opens values a layer below returns after the transaction has finished (as from the live-query cache)', async () => {
    const c = await createCase(db, worker, caseFields({ familyName: 'Familie Abgeschlossen' }));
    const sealed = (await readRawStores(db.name)).cases?.find((row) => (row as { id: string }).id === c.id);
    const real = db.core.table('cases');
    // A transaction that has committed: asking it for an object store throws, as IndexedDB does.
    const finished = {
      objectStoreNames: ['cases'],
      objectStore() {
        throw new DOMException('The transaction has finished.', 'InvalidStateError');
      },
    };
    const below = { ...db.core, table: () => ({ ...real, getMany: async () => [sealed] }) } as DBCore;
    const encrypted = (encryptionMiddleware(testDataKey).create(below) as DBCore).table('cases');

    const [opened] = await encrypted.getMany({
      trans: finished as unknown as DBCoreTransaction,
      keys: [c.id],
    });

    expect(opened).toMatchObject({ id: c.id, familyName: 'Familie Abgeschlossen' });
  });

  it('commit reads and writes across the encryption awaits as one, and roll back as one', async () => {
    const c = await createCase(db, worker, caseFields());
    await db.transaction('rw', db.cases, db.outbox, db.bases, async () => {
      const current = await db.cases.get(c.id);
      await db.cases.put({ ...(current as typeof c), phone: '1' });
      const again = await db.cases.get(c.id);
      const entry = await db.outbox.toCollection().first();
      await db.outbox.add({ ...(entry as NonNullable<typeof entry>), seq: undefined, id: 'extra' });
      await db.cases.put({ ...(again as typeof c), address: `${again?.phone} Weg` });
    });
    expect(await db.cases.get(c.id)).toMatchObject({ phone: '1', address: '1 Weg' });
    expect(await db.outbox.count()).toBe(2);

    // A local write is the record and its outbox entry in one transaction: a failure after both leaves neither.
    const failing = db.transaction('rw', db.cases, db.outbox, db.bases, async () => {
      await updateCase(db, worker, c.id, { phone: '2' });
      expect(await db.outbox.count()).toBe(3);
      throw new Error('Absturz');
    });
    await expect(failing).rejects.toThrow('Absturz');
    expect(await db.cases.get(c.id)).toMatchObject({ phone: '1' });
    expect(await db.outbox.count()).toBe(2);
  });

  it('run parallel reads and writes inside one transaction', async () => {
    const c = await createCase(db, worker, caseFields());
    await db.transaction('rw', db.cases, db.notes, async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          db.notes.add({ ...noteFields(c.id), id: `n${i}`, text: `T${i}` } as never),
        ),
      );
      const [cases, notes] = await Promise.all([db.cases.toArray(), db.notes.toArray()]);
      expect(cases).toHaveLength(1);
      expect(notes).toHaveLength(20);
    });
    expect(await db.notes.count()).toBe(20);
  });
});

describe('values opened before', () => {
  it('come back as copies, and a write by another connection (another tab) is read anew', async () => {
    const c = await createCase(db, worker, caseFields({ familyName: 'Familie Erst' }));
    const first = await db.cases.get(c.id);
    if (!first) throw new Error('case missing');
    first.familyName = 'in der Hand des Aufrufers geändert';
    first.conflicts.push(first.conflicts[0] as never);
    expect(await db.cases.get(c.id)).toMatchObject({ familyName: 'Familie Erst', conflicts: [] });

    const otherTab = openTestDb(db.name);
    await updateCase(otherTab, worker, c.id, { familyName: 'Familie Zweit' });
    otherTab.close();

    expect((await db.cases.get(c.id))?.familyName).toBe('Familie Zweit');
    expect((await db.cases.toArray()).map((row) => row.familyName)).toEqual(['Familie Zweit']);
  });
});

describe('integrity', () => {
  it('cannot be read with another key', async () => {
    const c = await createCase(db, worker, caseFields());
    db.close();
    const withOtherKey = new FeldakteDb(db.name, { dataKey: await generateDataKey() });
    try {
      await expect(withOtherKey.cases.get(c.id)).rejects.toBeInstanceOf(UnsealError);
      // The indexes still work: they are in the clear and were never secret.
      expect(await withOtherKey.cases.where('status').equals('open').primaryKeys()).toEqual([c.id]);
    } finally {
      withOtherKey.close();
    }
    db = openTestDb(db.name);
    expect(await db.cases.get(c.id)).toMatchObject({ familyName: c.familyName });
  });

  it('refuses a sealed blob moved to another record', async () => {
    const a = await createCase(db, worker, caseFields({ familyName: 'Familie A' }));
    const b = await createCase(db, worker, caseFields({ familyName: 'Familie B' }));
    const { cases } = await readRawStores(db.name);
    const byId = new Map((cases as Record<string, unknown>[]).map((stored) => [stored.id, stored]));
    await writeRaw(db.name, 'cases', [
      { ...(byId.get(a.id) as object), [SEALED_PROPERTY]: byId.get(b.id)?.[SEALED_PROPERTY] },
    ]);
    await expect(db.cases.get(a.id)).rejects.toBeInstanceOf(UnsealError);
    expect(await db.cases.get(b.id)).toMatchObject({ familyName: 'Familie B' });
  });
});
