import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  OPEN_CONCERNS_KEY,
  readOpenConcernEntries,
  readSeenConcernIds,
} from '../../../src/db/infrastructure/open-concerns';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { createCase } from '../../../src/db/repositories/cases';
import {
  acknowledgeConcern,
  caseIdsWithOpenConcern,
  listOpenConcerns,
  listUnseenConcerns,
  markConcernSeen,
  openConcernsOfCase,
} from '../../../src/db/repositories/concerns';
import { createNote } from '../../../src/db/repositories/notes';
import { listFilteredReviewQueue } from '../../../src/db/repositories/review';
import type { NoteFields, NoteRecord } from '../../../src/shared/records';
import { caseFields, freshDb, lead, noteFields, openTestDb, worker } from '../support/fixtures';
import { readRawStores } from '../support/raw-idb';

let db: FeldakteDb;
let caseId: string;
let otherCaseId: string;

beforeEach(async () => {
  db = freshDb();
  caseId = (await createCase(db, worker, caseFields())).id;
  otherCaseId = (await createCase(db, worker, caseFields({ reference: 'EF-2', familyName: 'Familie Kaya' })))
    .id;
});
afterEach(async () => {
  await db.delete();
});

/** A note as the server delivered it to the lead's device (version 1). */
async function syncedNote(text: string, fields: Partial<NoteFields> = {}, inCase = caseId) {
  const note = await createNote(db, worker, noteFields(inCase, { text, ...fields }));
  await db.notes.put({ ...note, version: 1 });
  return note;
}

describe('§ 8a concerns', () => {
  it('a concern stays open, and its case marked, until a lead acknowledges it', async () => {
    const concern = await syncedNote('Verdacht', { concern8a: true });
    await syncedNote('gewöhnlich', {}, otherCaseId);

    expect((await listOpenConcerns(db)).map((n) => n.id)).toEqual([concern.id]);
    expect([...(await caseIdsWithOpenConcern(db))]).toEqual([caseId]);

    const acknowledged = await acknowledgeConcern(db, lead, concern.id);

    expect(acknowledged.concernAcknowledgedBy).toBe(lead.userId);
    expect(await listOpenConcerns(db)).toEqual([]);
    expect(await openConcernsOfCase(db, caseId)).toEqual([]);
    const last = await db.outbox.orderBy('seq').last();
    expect(last).toMatchObject({ op: 'update', entity: 'note', recordId: concern.id, baseVersion: 1 });
    expect(Object.keys(last?.data ?? {})).toEqual(['concernAcknowledgedAt']);
  });

  it('the alert lists synced concerns of others until the lead opens them', async () => {
    const first = await syncedNote('erste', { concern8a: true });
    const second = await syncedNote('zweite', { concern8a: true });
    await createNote(db, worker, noteFields(caseId, { concern8a: true, text: 'nicht synchronisiert' }));
    await createNote(db, lead, noteFields(caseId, { concern8a: true, text: 'eigene' }));

    expect((await listUnseenConcerns(db, lead.userId)).map((n) => n.text).sort()).toEqual([
      'erste',
      'zweite',
    ]);

    await markConcernSeen(db, first.id);
    expect((await listUnseenConcerns(db, lead.userId)).map((n) => n.id)).toEqual([second.id]);

    await acknowledgeConcern(db, lead, second.id);
    expect(await listUnseenConcerns(db, lead.userId)).toEqual([]);
  });

  it('a concern switched on later by an edit that arrives by sync shows up', async () => {
    const note = await syncedNote('harmlos');
    expect(await listUnseenConcerns(db, lead.userId)).toEqual([]);

    await db.notes.put({ ...note, version: 2, concern8a: true });

    expect((await listUnseenConcerns(db, lead.userId)).map((n) => n.id)).toEqual([note.id]);
  });
});

describe('filtered review queue', () => {
  it('filters by worker, case, kind and date range; open concerns on top', async () => {
    await syncedNote('alt', { date: '2026-03-01' });
    await syncedNote('Telefonat', { date: '2026-03-03', kind: 'phone' });
    await syncedNote('andere Familie', { date: '2026-03-04' }, otherCaseId);
    await syncedNote('8a gesehen', {
      date: '2026-02-01',
      concern8a: true,
      concernAcknowledgedAt: '2026-02-02T10:00:00.000Z',
    });
    await syncedNote('8a offen', { date: '2026-02-01', concern8a: true });
    const byLead = await createNote(
      db,
      lead,
      noteFields(caseId, { text: 'von der Leitung', date: '2026-03-05' }),
    );
    await db.notes.put({ ...byLead, version: 1 });

    const texts = async (filter: Parameters<typeof listFilteredReviewQueue>[1]) =>
      (await listFilteredReviewQueue(db, filter)).map((n) => n.text);

    // The acknowledged concern is still unreviewed: it leads the unreviewed notes.
    expect(await texts({})).toEqual([
      '8a offen',
      '8a gesehen',
      'von der Leitung',
      'andere Familie',
      'Telefonat',
      'alt',
    ]);
    expect(await texts({ authorId: lead.userId })).toEqual(['von der Leitung']);
    expect(await texts({ caseId: otherCaseId })).toEqual(['andere Familie']);
    expect(await texts({ kind: 'phone' })).toEqual(['Telefonat']);
    expect(await texts({ from: '2026-03-01', to: '2026-03-03' })).toEqual(['Telefonat', 'alt']);
    expect(await texts({ authorId: worker.userId, to: '2026-02-28' })).toEqual(['8a offen', '8a gesehen']);
  });
});

function note(fields: Partial<NoteFields> = {}, inCase = caseId): Promise<NoteRecord> {
  return createNote(db, worker, noteFields(inCase, fields));
}

async function rowIds(): Promise<string[] | undefined> {
  return (await readOpenConcernEntries(db))?.map((entry) => entry.id).sort();
}

// The sealed row of open § 8a concerns (src/db/infrastructure/open-concerns.ts) follows every
// kind of write to the notes, in the same transaction, and leaks nothing.
describe('open-concerns row', () => {
  it('a fresh database starts with an empty row', async () => {
    expect(await readOpenConcernEntries(db)).toEqual([]);
  });

  it('follows saves, edits, acknowledgements and deletes', async () => {
    const concern = await note({ concern8a: true, text: 'Verdacht' });
    const ordinary = await note({ text: 'gewöhnlich' }, otherCaseId);
    expect(await readOpenConcernEntries(db)).toEqual([{ id: concern.id, caseId }]);

    await db.notes.update(ordinary.id, { concern8a: true }); // outside any transaction: Dexie's own
    expect(await rowIds()).toEqual([concern.id, ordinary.id].sort());
    expect([...(await caseIdsWithOpenConcern(db))].sort()).toEqual([caseId, otherCaseId].sort());

    await acknowledgeConcern(db, lead, concern.id);
    expect(await rowIds()).toEqual([ordinary.id]);

    await db.notes.delete(ordinary.id);
    expect(await rowIds()).toEqual([]);
  });

  it('follows bulk writes, deletes by index, range deletes and clear', async () => {
    for (let i = 0; i < 60; i++)
      await note({ concern8a: i % 3 === 0, text: `n${i}` }, i % 2 ? caseId : otherCaseId);
    // As a pull stores a batch: one bulkPut of many notes.
    const stored = await db.notes.toArray();
    await db.notes.bulkPut(stored.map((n) => ({ ...n, version: 2 })));
    const concerns = stored.filter((n) => n.concern8a);
    expect(await rowIds()).toEqual(concerns.map((n) => n.id).sort());

    await db.notes.where('caseId').equals(otherCaseId).delete();
    const left = concerns.filter((n) => n.caseId === caseId);
    expect(await rowIds()).toEqual(left.map((n) => n.id).sort());

    const [first, second] = [...left].sort((a, b) => a.id.localeCompare(b.id));
    await db.notes.where('id').between(first?.id, second?.id, true, true).delete();
    expect(await rowIds()).toEqual(
      left
        .map((n) => n.id)
        .filter((id) => id !== first?.id && id !== second?.id)
        .sort(),
    );

    await db.notes.clear();
    expect(await rowIds()).toEqual([]);
  });

  it('is written in the same transaction as the note: an aborted write leaves both as they were', async () => {
    const saved = await note({ text: 'gewöhnlich' });
    await expect(
      db.transaction('rw', db.notes, async () => {
        await db.notes.put({ ...saved, concern8a: true });
        throw new Error('Absturz mitten im Speichern');
      }),
    ).rejects.toThrow('Absturz');
    expect((await db.notes.get(saved.id))?.concern8a).toBe(false);
    expect(await rowIds()).toEqual([]);
  });

  it('without the row (older database), readers scan the notes and the next open rebuilds it', async () => {
    const concern = await note({ concern8a: true });
    await db.meta.delete(OPEN_CONCERNS_KEY);
    await note({ concern8a: true }); // written while the row is missing: it stays missing, not half true
    expect(await readOpenConcernEntries(db)).toBeNull();
    expect((await listOpenConcerns(db)).length).toBe(2);
    expect([...(await caseIdsWithOpenConcern(db))]).toEqual([caseId]);

    db.close();
    db = openTestDb(db.name);
    expect(await rowIds()).toContain(concern.id);
    expect(await rowIds()).toHaveLength(2);
  });

  it('is sealed: the raw store shows neither which notes nor which cases', async () => {
    const concern = await note({ concern8a: true });
    const raw = JSON.stringify((await readRawStores(db.name)).meta);
    expect(raw).toContain(OPEN_CONCERNS_KEY);
    expect(raw).not.toContain(concern.id);
    expect(raw).not.toContain(caseId);
  });

  it('what a lead has opened is one sealed row; the per-note rows of older versions are folded into it on open', async () => {
    const first = await note({ concern8a: true });
    const second = await note({ concern8a: true });
    await db.meta.put({ key: `concern.seen.${first.id}`, value: '2026-11-01T10:00:00.000Z' });
    db.close();
    db = openTestDb(db.name);
    expect(await readSeenConcernIds(db)).toEqual([first.id]);

    await markConcernSeen(db, second.id);
    await acknowledgeConcern(db, lead, first.id); // no longer open: forgotten at the next mark
    const third = await note({ concern8a: true });
    await markConcernSeen(db, third.id);
    expect((await readSeenConcernIds(db)).sort()).toEqual([second.id, third.id].sort());

    const raw = JSON.stringify((await readRawStores(db.name)).meta);
    for (const id of [first.id, second.id, third.id]) expect(raw).not.toContain(id);
  });
});
