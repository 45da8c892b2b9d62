// Goals, comments and partners go through the same outbox, push, pull and rebase
// as every other record: created on one device, they reach another; an edit and
// a delete follow; a pulled record keeps a local edit that still waits.
import { describe, expect, it } from 'vitest';
import { deleteLocal } from '../../src/db/infrastructure/local-delete';
import { createLocal, updateLocal } from '../../src/db/infrastructure/local-write';
import { createCase } from '../../src/db/repositories/cases';
import { createNote } from '../../src/db/repositories/notes';
import {
  caseFields,
  commentFields,
  goalFields,
  noteFields,
  partnerFields,
  worker,
} from '../db/support/fixtures';
import type { ProtocolHarness } from './support/protocol-harness';
import { setUpSyncBed } from './support/sync-bed';
import { testDevice } from './support/test-device';

let harness: ProtocolHarness;

setUpSyncBed((bed) => {
  harness = bed.harness;
});

describe('goals, comments and partners', () => {
  it('reach the other device, and so do their edits and deletes', async () => {
    const phone = testDevice(harness, 'phone');
    const tablet = testDevice(harness, 'tablet');
    try {
      const c = await createCase(phone.db, worker, caseFields());
      const note = await createNote(phone.db, worker, noteFields(c.id));
      const goal = await createLocal(phone.db, 'goal', worker, goalFields(c.id), { teamId: worker.teamId });
      const comment = await createLocal(phone.db, 'comment', worker, commentFields(c.id, note.id), {
        teamId: worker.teamId,
        authorId: worker.userId,
      });
      const partner = await createLocal(phone.db, 'partner', worker, partnerFields(), {
        teamId: worker.teamId,
      });
      await phone.sync();
      await tablet.sync();

      expect(await tablet.db.goals.get(goal.id)).toMatchObject({
        title: goal.title,
        status: 'open',
        version: 1,
      });
      expect(await tablet.db.comments.get(comment.id)).toMatchObject({
        noteId: note.id,
        authorId: worker.userId,
      });
      expect(await tablet.db.partners.get(partner.id)).toMatchObject({ name: 'Erziehungsberatung Nord' });

      await updateLocal(tablet.db, 'goal', worker, goal.id, { status: 'achieved' });
      await deleteLocal(tablet.db, 'comment', worker, comment.id);
      await updateLocal(phone.db, 'partner', worker, partner.id, { contact: '0561 654321' });
      await tablet.sync();
      await phone.sync();
      await tablet.sync();

      expect(await phone.db.goals.get(goal.id)).toMatchObject({ status: 'achieved', version: 2 });
      expect(await phone.db.comments.get(comment.id)).toBeUndefined();
      expect(await tablet.db.partners.get(partner.id)).toMatchObject({ contact: '0561 654321', version: 2 });
      expect(await phone.db.outbox.count()).toBe(0);
      expect(await tablet.db.outbox.count()).toBe(0);
    } finally {
      await Promise.all([phone.db.delete(), tablet.db.delete()]);
    }
  });

  it('a pulled goal keeps the local edit that still waits', async () => {
    const phone = testDevice(harness, 'phone');
    const tablet = testDevice(harness, 'tablet');
    try {
      const c = await createCase(phone.db, worker, caseFields());
      const goal = await createLocal(phone.db, 'goal', worker, goalFields(c.id), { teamId: worker.teamId });
      await phone.sync();
      await tablet.sync();

      await updateLocal(tablet.db, 'goal', worker, goal.id, { description: 'vom Tablet' });
      await tablet.sync();
      await updateLocal(phone.db, 'goal', worker, goal.id, { status: 'dropped' });
      await phone.pull();

      expect(await phone.db.goals.get(goal.id)).toMatchObject({
        description: 'vom Tablet',
        status: 'dropped',
      });
      await phone.sync();
      expect(harness.server.records.get(goal.id)?.record).toMatchObject({
        description: 'vom Tablet',
        status: 'dropped',
      });
    } finally {
      await Promise.all([phone.db.delete(), tablet.db.delete()]);
    }
  });
});
