import { describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { deleteDraft, draftKeys, getDraft, saveDraft } from '../../../src/db/repositories/drafts';
import {
  createNote,
  createNoteFromDraft,
  deleteNote,
  updateNoteFromDraft,
} from '../../../src/db/repositories/notes';
import { setUpDbWithCase } from '../support/case-bed';
import { noteFields, worker } from '../support/fixtures';

let db: FeldakteDb;
let caseId: string;
setUpDbWithCase((bed) => {
  ({ db, caseId } = bed);
});

describe('drafts', () => {
  it('keep the last of many quick writes, and never go to the outbox', async () => {
    const key = draftKeys.newNote(caseId);
    const before = await db.outbox.count();
    // Unawaited, like keystrokes arriving faster than IndexedDB answers.
    const writes = ['H', 'Ha', 'Hau', 'Haus'].map((text) => saveDraft(db, key, caseId, { text }));
    await Promise.all(writes);

    expect((await getDraft(db, key))?.values).toEqual({ text: 'Haus' });
    expect(await db.outbox.count()).toBe(before);
  });

  it('survive closing and reopening the database', async () => {
    const key = draftKeys.newNote(caseId);
    await saveDraft(db, key, caseId, { text: 'vor dem Schließen' });
    db.close();
    await db.open();
    expect(await getDraft(db, key)).toMatchObject({ caseId, values: { text: 'vor dem Schließen' } });
  });

  it('are discarded on request', async () => {
    const key = draftKeys.newNote(caseId);
    await saveDraft(db, key, caseId, { text: 'weg damit' });
    await deleteDraft(db, key);
    expect(await getDraft(db, key)).toBeUndefined();
  });

  it('go in the same transaction as a new note is saved', async () => {
    const key = draftKeys.newNote(caseId);
    await saveDraft(db, key, caseId, { text: 'Entwurf' });
    const note = await createNoteFromDraft(db, worker, noteFields(caseId, { text: 'Entwurf' }), key);
    expect(await db.notes.get(note.id)).toBeDefined();
    expect(await getDraft(db, key)).toBeUndefined();
  });

  it('stay when saving fails', async () => {
    const key = draftKeys.newNote(caseId);
    await saveDraft(db, key, caseId, { text: '' });
    await expect(createNoteFromDraft(db, worker, noteFields(caseId, { text: '' }), key)).rejects.toThrow();
    expect(await getDraft(db, key)).toBeDefined();
  });

  it("of an edit go with the edit's save, and with the note's deletion", async () => {
    const note = await createNote(db, worker, noteFields(caseId));
    const key = draftKeys.editNote(note.id);
    await saveDraft(db, key, caseId, { text: 'geändert' });
    await updateNoteFromDraft(db, worker, note.id, { text: 'geändert' }, key);
    expect((await db.notes.get(note.id))?.text).toBe('geändert');
    expect(await getDraft(db, key)).toBeUndefined();

    await saveDraft(db, key, caseId, { text: 'noch mal' });
    await deleteNote(db, worker, note.id);
    expect(await getDraft(db, key)).toBeUndefined();
  });
});
