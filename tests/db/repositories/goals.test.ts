import { describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { createGoal, deleteGoal, listGoalsForCase, updateGoal } from '../../../src/db/repositories/goals';
import { createNote, notesPerGoal } from '../../../src/db/repositories/notes';
import { setUpDbWithCase } from '../support/case-bed';
import { noteFields, worker } from '../support/fixtures';

let db: FeldakteDb;
let caseId: string;
setUpDbWithCase((bed) => {
  ({ db, caseId } = bed);
});

describe('help-plan goals', () => {
  it('are created open, listed open first, changed and deleted through the outbox', async () => {
    const school = await createGoal(db, worker, { caseId, title: 'Regelmäßiger Schulbesuch' });
    const sleep = await createGoal(db, worker, { caseId, title: 'Fester Schlafrhythmus' });
    expect(school).toMatchObject({ status: 'open', description: '', teamId: worker.teamId });

    await updateGoal(db, worker, school.id, { status: 'achieved' });
    expect((await listGoalsForCase(db, caseId)).map((g) => g.title)).toEqual([
      'Fester Schlafrhythmus',
      'Regelmäßiger Schulbesuch',
    ]);

    await deleteGoal(db, worker, sleep.id);
    expect((await listGoalsForCase(db, caseId)).map((g) => g.id)).toEqual([school.id]);
    const ops = (await db.outbox.orderBy('seq').toArray())
      .filter((e) => e.entity === 'goal')
      .map((e) => e.op);
    expect(ops).toEqual(['create', 'create', 'update', 'delete']);
  });

  it('refuse an empty title', async () => {
    await expect(createGoal(db, worker, { caseId, title: '  ' })).rejects.toThrow();
  });

  it('show the notes that worked on them, newest first', async () => {
    const school = await createGoal(db, worker, { caseId, title: 'Schulbesuch' });
    const sleep = await createGoal(db, worker, { caseId, title: 'Schlaf' });
    const early = await createNote(
      db,
      worker,
      noteFields(caseId, { date: '2026-03-01', goalIds: [school.id] }),
    );
    const late = await createNote(
      db,
      worker,
      noteFields(caseId, { date: '2026-03-08', goalIds: [school.id, sleep.id] }),
    );
    await createNote(db, worker, noteFields(caseId, { date: '2026-03-09' }));

    const perGoal = await notesPerGoal(db, caseId);

    expect(perGoal.get(school.id)?.map((n) => n.id)).toEqual([late.id, early.id]);
    expect(perGoal.get(sleep.id)?.map((n) => n.id)).toEqual([late.id]);
    expect(perGoal.size).toBe(2);
  });
});
