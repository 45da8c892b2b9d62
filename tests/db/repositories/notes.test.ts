import { afterEach, describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { createCase } from '../../../src/db/repositories/cases';
import { createNote, listNotesForCase, markNoteReviewed } from '../../../src/db/repositories/notes';
import { listFilteredReviewQueue } from '../../../src/db/repositories/review';
import type { NoteFields } from '../../../src/shared/records';
import { caseFields, freshDb, lead, noteFields, worker } from '../support/fixtures';

let db: FeldakteDb;

afterEach(async () => {
  await db?.delete();
});

/** A note as the server acknowledged it (version > 0). */
async function syncedNote(caseId: string, text: string, fields: Partial<NoteFields>) {
  const note = await createNote(db, worker, noteFields(caseId, { text, ...fields }));
  await db.notes.put({ ...note, version: 1 });
  return note;
}

describe('review queue', () => {
  it('lists synced notes: open § 8a concerns first, then unreviewed, then reviewed (§ 8a on top); newest first within', async () => {
    db = freshDb();
    const c = await createCase(db, worker, caseFields());
    const reviewed = { reviewedAt: '2026-03-05T10:00:00.000Z' };
    await syncedNote(c.id, 'geprüft alt', { ...reviewed, date: '2026-03-01' });
    await syncedNote(c.id, 'offen alt', { date: '2026-03-01' });
    await syncedNote(c.id, '8a geprüft', {
      ...reviewed,
      concern8a: true,
      concernAcknowledgedAt: '2026-03-05T10:00:00.000Z',
      date: '2026-03-03',
    });
    await syncedNote(c.id, 'offen neu', { date: '2026-03-04' });
    await syncedNote(c.id, '8a offen', { concern8a: true, date: '2026-02-01' });
    await createNote(db, worker, noteFields(c.id, { text: 'noch nicht synchronisiert', concern8a: true }));

    const queue = await listFilteredReviewQueue(db, {});

    expect(queue.map((n) => n.text)).toEqual([
      '8a offen',
      'offen neu',
      'offen alt',
      '8a geprüft',
      'geprüft alt',
    ]);
  });

  it('marking reviewed writes the change to the outbox and records the reviewer locally', async () => {
    db = freshDb();
    const c = await createCase(db, worker, caseFields());
    const note = await syncedNote(c.id, 'Notiz', {});

    const marked = await markNoteReviewed(db, lead, note.id);

    expect(marked.reviewedBy).toBe(lead.userId);
    expect(await db.notes.get(note.id)).toMatchObject({
      reviewedBy: lead.userId,
      reviewedAt: marked.reviewedAt,
    });
    const last = await db.outbox.orderBy('seq').last();
    expect(last).toMatchObject({
      op: 'update',
      recordId: note.id,
      baseVersion: 1,
      data: { reviewedAt: marked.reviewedAt },
    });
  });
});

describe('notes of a case', () => {
  it('lists only that case, newest first', async () => {
    db = freshDb();
    const a = await createCase(db, worker, caseFields());
    const b = await createCase(db, worker, caseFields({ familyName: 'Familie Arslan' }));
    await createNote(db, worker, noteFields(a.id, { text: 'früh', date: '2026-01-02' }));
    await createNote(db, worker, noteFields(a.id, { text: 'spät', date: '2026-02-02' }));
    await createNote(db, worker, noteFields(b.id, { text: 'anderer Fall' }));

    expect((await listNotesForCase(db, a.id)).map((n) => n.text)).toEqual(['spät', 'früh']);
  });
});
