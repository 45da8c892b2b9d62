import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '../../../src/db/cases';
import { createNote, deleteNote, listNotesForCase } from '../../../src/db/notes';
import type { FeldakteDb } from '../../../src/db/schema';
import {
  currentSaveGeneration,
  forgetSavedNotesUpTo,
  handOverSavedNote,
  savedNotesSnapshot,
  subscribeToSavedNotes,
  withJustSaved,
} from '../../../src/features/notes/just-saved-notes';
import { caseFields, freshDb, noteFields, worker } from '../../db/support/fixtures';

let db: FeldakteDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

/** What the timeline's live query holds: the case's notes and the saves it had seen when it began. */
async function readTimeline(caseId: string) {
  const generation = currentSaveGeneration(db);
  return { notes: await listNotesForCase(db, caseId), generation };
}

describe('a note just saved, handed to the timeline', () => {
  it('shows in its case before the timeline reads it, in date order, and once read it comes from the read', async () => {
    const c = await createCase(db, worker, caseFields());
    await createNote(db, worker, noteFields(c.id, { date: '2026-11-01', text: 'älter' }));
    await createNote(db, worker, noteFields(c.id, { date: '2026-11-20', text: 'neuer' }));
    const before = await readTimeline(c.id);

    const saved = await createNote(db, worker, noteFields(c.id, { date: '2026-11-10', text: 'gerade' }));
    handOverSavedNote(db, saved);

    const shown = withJustSaved(before, savedNotesSnapshot(db), c.id);
    expect(shown.map((note) => note.text)).toEqual(['neuer', 'gerade', 'älter']);
    const after = await readTimeline(c.id);
    expect(withJustSaved(after, savedNotesSnapshot(db), c.id)).toBe(after.notes);
  });

  it('never shows twice, nor in another case', async () => {
    const c = await createCase(db, worker, caseFields());
    const other = await createCase(db, worker, caseFields({ familyName: 'Familie Other' }));
    const read = await readTimeline(c.id);
    const saved = await createNote(db, worker, noteFields(c.id));
    handOverSavedNote(db, saved);
    // A read that began before the handover but already saw the committed note.
    const early = { notes: await listNotesForCase(db, c.id), generation: read.generation };

    expect(withJustSaved(early, savedNotesSnapshot(db), c.id).map((note) => note.id)).toEqual([saved.id]);
    expect(withJustSaved(await readTimeline(other.id), savedNotesSnapshot(db), other.id)).toEqual([]);
  });

  it('a read begun after the save decides: a note deleted since does not come back', async () => {
    const c = await createCase(db, worker, caseFields());
    const before = await readTimeline(c.id);
    const saved = await createNote(db, worker, noteFields(c.id));
    handOverSavedNote(db, saved);
    expect(withJustSaved(before, savedNotesSnapshot(db), c.id)).toHaveLength(1);

    await deleteNote(db, worker, saved.id);
    expect(withJustSaved(await readTimeline(c.id), savedNotesSnapshot(db), c.id)).toEqual([]);
  });

  it('tells the timeline of each handover, and lets go of what a later read decided, for that case only', async () => {
    const c = await createCase(db, worker, caseFields());
    const other = await createCase(db, worker, caseFields({ familyName: 'Familie Other' }));
    let told = 0;
    const stop = subscribeToSavedNotes(db, () => {
      told += 1;
    });
    handOverSavedNote(db, await createNote(db, worker, noteFields(c.id)));
    handOverSavedNote(db, await createNote(db, worker, noteFields(other.id)));
    stop();
    handOverSavedNote(db, await createNote(db, worker, noteFields(c.id)));
    expect(told).toBe(2);

    forgetSavedNotesUpTo(db, c.id, 2);
    expect(savedNotesSnapshot(db).map(({ note, generation }) => [note.caseId, generation])).toEqual([
      [other.id, 2],
      [c.id, 3],
    ]);
  });
});
