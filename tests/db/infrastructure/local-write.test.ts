import { afterEach, describe, expect, it } from 'vitest';
import { RecordNotFoundError } from '../../../src/db/infrastructure/local-write';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { createCase, getCase, updateCase } from '../../../src/db/repositories/cases';
import { createNote, updateNote } from '../../../src/db/repositories/notes';
import { caseFields, freshDb, noteFields, worker } from '../support/fixtures';

let db: FeldakteDb;

afterEach(async () => {
  await db?.delete();
});

async function snapshot(db: FeldakteDb) {
  return {
    cases: await db.cases.toArray(),
    notes: await db.notes.toArray(),
    outbox: await db.outbox.toArray(),
  };
}

describe('local create', () => {
  it('writes the record and its outbox entry together', async () => {
    db = freshDb();
    const created = await createCase(db, worker, caseFields());

    expect(await getCase(db, created.id)).toEqual(created);
    expect(created).toMatchObject({ version: 0, teamId: worker.teamId, updatedBy: worker.userId });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      entity: 'case',
      op: 'create',
      recordId: created.id,
      baseVersion: null,
      data: caseFields(),
      status: 'pending',
      rejection: null,
      caseId: created.id,
    });
  });

  it('names the case of every change, so a case leaving the device knows what is still waiting', async () => {
    db = freshDb();
    const c = await createCase(db, worker, caseFields());
    const note = await createNote(db, worker, noteFields(c.id));
    await updateNote(db, worker, note.id, { text: 'ergänzt' });

    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.caseId)).toEqual([c.id, c.id, c.id]);
  });

  it('changes nothing when the input is invalid', async () => {
    db = freshDb();
    await expect(createCase(db, worker, caseFields({ familyName: '   ' }))).rejects.toThrow();
    await expect(createNote(db, worker, noteFields('not-a-uuid'))).rejects.toThrow();
    expect(await snapshot(db)).toEqual({ cases: [], notes: [], outbox: [] });
  });

  it('leaves neither record nor outbox entry when the write fails inside the transaction', async () => {
    db = freshDb();
    const first = await createCase(db, worker, caseFields());
    const before = await snapshot(db);

    // Same id again: the record insert fails, so its outbox entry must not survive either.
    await expect(
      createCase(db, worker, caseFields({ familyName: 'Familie Doppelt' }), first.id),
    ).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });

  it('rolls both back when an enclosing transaction fails afterwards', async () => {
    db = freshDb();
    await expect(
      db.transaction('rw', db.cases, db.outbox, async () => {
        await createCase(db, worker, caseFields());
        throw new Error('später Fehler');
      }),
    ).rejects.toThrow('später Fehler');
    expect(await snapshot(db)).toEqual({ cases: [], notes: [], outbox: [] });
  });
});

describe('local update', () => {
  it('carries the version the edit was based on and only the changed fields', async () => {
    db = freshDb();
    const created = await createCase(db, worker, caseFields());
    // As if the server had acknowledged it at version 3.
    await db.cases.put({ ...created, version: 3 });

    const updated = await updateCase(db, worker, created.id, { phone: '0170 555' });

    expect(updated).toMatchObject({ phone: '0170 555', familyName: 'Familie Berger', version: 3 });
    expect(await getCase(db, created.id)).toEqual(updated);
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => [e.op, e.baseVersion, e.data])).toEqual([
      ['create', null, caseFields()],
      ['update', 3, { phone: '0170 555' }],
    ]);
  });

  it('refuses an unknown record and writes nothing', async () => {
    db = freshDb();
    await expect(updateCase(db, worker, crypto.randomUUID(), { phone: '1' })).rejects.toBeInstanceOf(
      RecordNotFoundError,
    );
    expect(await snapshot(db)).toEqual({ cases: [], notes: [], outbox: [] });
  });

  it('refuses invalid or immutable fields and keeps the record as it was', async () => {
    db = freshDb();
    const c = await createCase(db, worker, caseFields());
    const note = await createNote(db, worker, noteFields(c.id));
    const before = await snapshot(db);

    await expect(updateCase(db, worker, c.id, { startDate: '2026-13-45' })).rejects.toThrow();
    // A note never moves to another case.
    await expect(
      updateNote(db, worker, note.id, { caseId: crypto.randomUUID() } as unknown as { text: string }),
    ).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });
});
