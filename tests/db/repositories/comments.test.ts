import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { createCase } from '../../../src/db/repositories/cases';
import {
  createComment,
  deleteComment,
  listCommentsForNote,
  listUnreadComments,
  markCommentsRead,
} from '../../../src/db/repositories/comments';
import { createNote } from '../../../src/db/repositories/notes';
import { caseFields, colleague, freshDb, lead, noteFields, worker } from '../support/fixtures';

let db: FeldakteDb;
let caseId: string;

beforeEach(async () => {
  db = freshDb();
  caseId = (await createCase(db, worker, caseFields())).id;
});
afterEach(async () => {
  await db.delete();
});

describe('comments', () => {
  it('a comment is written with its outbox entry and listed on its note, oldest first', async () => {
    const note = await createNote(db, worker, noteFields(caseId));
    const first = await createComment(db, lead, note, 'Bitte Termin mit dem Jugendamt vereinbaren.');
    const second = await createComment(db, worker, note, 'Ist erledigt.');

    expect(first).toMatchObject({
      caseId,
      noteId: note.id,
      authorId: lead.userId,
      teamId: lead.teamId,
      version: 0,
    });
    expect((await listCommentsForNote(db, note.id)).map((c) => c.id)).toEqual([first.id, second.id]);
    const last = await db.outbox.orderBy('seq').last();
    expect(last).toMatchObject({ entity: 'comment', op: 'create', recordId: second.id, caseId });
    expect(last?.data).toEqual({ caseId, noteId: note.id, text: 'Ist erledigt.' });
  });

  it('refuses an empty comment before anything is written', async () => {
    const note = await createNote(db, worker, noteFields(caseId));
    const before = await db.outbox.count();
    await expect(createComment(db, lead, note, '   ')).rejects.toThrow();
    expect(await db.comments.count()).toBe(0);
    expect(await db.outbox.count()).toBe(before);
  });

  it("unread: others' comments on my notes until I open the note; not my own, not on others' notes", async () => {
    const mine = await createNote(db, worker, noteFields(caseId, { text: 'meine' }));
    const other = await createNote(db, lead, noteFields(caseId, { text: 'ihre' }));
    const fromLead = await createComment(db, lead, mine, 'Rückfrage');
    await createComment(db, worker, mine, 'meine Antwort');
    await createComment(db, colleague, other, 'an die Leitung');

    expect((await listUnreadComments(db, worker.userId)).map((u) => u.comment.id)).toEqual([fromLead.id]);

    await markCommentsRead(db, mine.id);
    expect(await listUnreadComments(db, worker.userId)).toEqual([]);

    const later = await createComment(db, lead, mine, 'Noch etwas');
    expect((await listUnreadComments(db, worker.userId)).map((u) => u.comment.id)).toEqual([later.id]);
    expect((await listUnreadComments(db, lead.userId)).map((u) => u.comment.text)).toEqual([
      'an die Leitung',
    ]);
  });

  it('a deleted comment disappears and its deletion goes to the outbox', async () => {
    const note = await createNote(db, worker, noteFields(caseId));
    const comment = await createComment(db, lead, note, 'versehentlich');
    await db.comments.put({ ...comment, version: 1 });

    await deleteComment(db, lead, comment.id);

    expect(await listCommentsForNote(db, note.id)).toEqual([]);
    expect(await db.outbox.orderBy('seq').last()).toMatchObject({
      entity: 'comment',
      op: 'delete',
      baseVersion: 1,
    });
  });
});
