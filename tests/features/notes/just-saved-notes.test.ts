import { describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { createCase } from '../../../src/db/repositories/cases';
import { createNote, deleteNote, listNotesForCase } from '../../../src/db/repositories/notes';
import {
  currentSaveGeneration,
  forgetSavedNotesUpTo,
  handOverSavedNote,
  savedNotesSnapshot,
  subscribeToSavedNotes,
  withJustSaved,
} from '../../../src/features/notes/just-saved-notes';
import { setUpDbWithCase } from '../../db/support/case-bed';
import { caseFields, noteFields, worker } from '../../db/support/fixtures';

let db: FeldakteDb;
let caseId: string;
setUpDbWithCase((bed) => {
  ({ db, caseId } = bed);
});

/** What the timeline's live query holds: the case's notes and the saves it had seen when it began. */
async function readTimeline(ofCase: string) {
  const generation = currentSaveGeneration(db);
  return { notes: await listNotesForCase(db, ofCase), generation };
}

describe('a note just saved, handed to the timeline', () => {
  it('shows in its case before the timeline reads it, in date order, and once read it comes from the read', async () => {
    await createNote(db, worker, noteFields(caseId, { date: '2026-11-01', text: 'älter' }));
    await createNote(db, worker, noteFields(caseId, { date: '2026-11-20', text: 'neuer' }));
    const before = await readTimeline(caseId);

    const saved = await createNote(db, worker, noteFields(caseId, { date: '2026-11-10', text: 'gerade' }));
    handOverSavedNote(db, saved);

    const shown = withJustSaved(before, savedNotesSnapshot(db), caseId);
    expect(shown.map((note) => note.text)).toEqual(['neuer', 'gerade', 'älter']);
    const after = await readTimeline(caseId);
    expect(withJustSaved(after, savedNotesSnapshot(db), caseId)).toBe(after.notes);
  });

  it('never shows twice, nor in another case', async () => {
    const other = await createCase(db, worker, caseFields({ familyName: 'Familie Other' }));
    const read = await readTimeline(caseId);
    const saved = await createNote(db, worker, noteFields(caseId));
    handOverSavedNote(db, saved);
    // A read that began before the handover but already saw the committed note.
    const early = { notes: await listNotesForCase(db, caseId), generation: read.generation };

    expect(withJustSaved(early, savedNotesSnapshot(db), caseId).map((note) => note.id)).toEqual([saved.id]);
    expect(withJustSaved(await readTimeline(other.id), savedNotesSnapshot(db), other.id)).toEqual([]);
  });

  it('a read begun after the save decides: a note deleted since does not come back', async () => {
    const before = await readTimeline(caseId);
    const saved = await createNote(db, worker, noteFields(caseId));
    handOverSavedNote(db, saved);
    expect(withJustSaved(before, savedNotesSnapshot(db), caseId)).toHaveLength(1);

    await deleteNote(db, worker, saved.id);
    expect(withJustSaved(await readTimeline(caseId), savedNotesSnapshot(db), caseId)).toEqual([]);
  });

  it('tells the timeline of each handover, and lets go of what a later read decided, for that case only', async () => {
    const other = await createCase(db, worker, caseFields({ familyName: 'Familie Other' }));
    let told = 0;
    const stop = subscribeToSavedNotes(db, () => {
      told += 1;
    });
    handOverSavedNote(db, await createNote(db, worker, noteFields(caseId)));
    handOverSavedNote(db, await createNote(db, worker, noteFields(other.id)));
    stop();
    handOverSavedNote(db, await createNote(db, worker, noteFields(caseId)));
    expect(told).toBe(2);

    forgetSavedNotesUpTo(db, caseId, 2);
    expect(savedNotesSnapshot(db).map(({ note, generation }) => [note.caseId, generation])).toEqual([
      [other.id, 2],
      [caseId, 3],
    ]);
  });
});
