import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '../../src/db/cases';
import {
  acknowledgeConcern,
  caseIdsWithOpenConcern,
  listOpenConcerns,
  listUnseenConcerns,
  markConcernSeen,
  openConcernsOfCase,
} from '../../src/db/concerns';
import { createNote } from '../../src/db/notes';
import { listFilteredReviewQueue } from '../../src/db/review';
import type { FeldakteDb } from '../../src/db/schema';
import type { NoteFields } from '../../src/shared/records';
import { caseFields, freshDb, lead, noteFields, worker } from './support/fixtures';

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
