import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { buildMonthlyReport, isReportMonth } from '../../../src/db/reports/monthly-report';
import { createCase } from '../../../src/db/repositories/cases';
import { createNote } from '../../../src/db/repositories/notes';
import { caseFields, colleague, freshDb, lead, noteFields, worker } from '../support/fixtures';

let db: FeldakteDb;
let berger: string;
let kaya: string;

beforeEach(async () => {
  db = freshDb();
  await db.members.bulkPut([
    {
      id: worker.userId,
      teamId: worker.teamId,
      username: 'anna',
      displayName: 'Anna Schulz',
      role: 'worker',
      version: 1,
    },
    {
      id: colleague.userId,
      teamId: worker.teamId,
      username: 'ben',
      displayName: 'Ben Öztürk',
      role: 'worker',
      version: 1,
    },
  ]);
  berger = (await createCase(db, lead, caseFields({ reference: 'EF-1', familyName: 'Familie Berger' }))).id;
  kaya = (await createCase(db, lead, caseFields({ reference: 'EF-2', familyName: 'Familie "Kaya"; Nord' })))
    .id;
  const note = (
    actor: typeof worker,
    caseId: string,
    date: string,
    durationMinutes: number,
    travelMinutes: number,
    kilometres: number,
  ) => createNote(db, actor, noteFields(caseId, { date, durationMinutes, travelMinutes, kilometres }));
  await note(worker, berger, '2026-11-01', 90, 30, 12.5);
  await note(worker, berger, '2026-11-30', 45, 20, 0.1);
  await note(worker, kaya, '2026-11-15', 60, 15, 0.2);
  await note(colleague, berger, '2026-11-10', 30, 0, 0);
  await note(worker, berger, '2026-10-31', 600, 60, 100);
  await note(worker, berger, '2026-12-01', 600, 60, 100);
});
afterEach(async () => {
  await db.delete();
});

describe('monthly report', () => {
  it('sums direct and travel time, kilometres and notes per worker and case for the month only', async () => {
    const report = await buildMonthlyReport(db, '2026-11');

    expect(report.workers.map((w) => w.workerName)).toEqual(['Anna Schulz', 'Ben Öztürk']);
    const [anna, ben] = report.workers;
    expect(
      anna?.rows.map((r) => [r.caseName, r.directMinutes, r.travelMinutes, r.kilometres, r.noteCount]),
    ).toEqual([
      ['Familie "Kaya"; Nord', 60, 15, 0.2, 1],
      ['Familie Berger', 135, 50, 12.6, 2],
    ]);
    expect(anna).toMatchObject({ directMinutes: 195, travelMinutes: 65, kilometres: 12.8, noteCount: 3 });
    expect(ben).toMatchObject({ directMinutes: 30, travelMinutes: 0, kilometres: 0, noteCount: 1 });
    expect(report).toMatchObject({ directMinutes: 225, travelMinutes: 65, kilometres: 12.8, noteCount: 4 });
  });

  it('narrows to one author (a worker sees their own)', async () => {
    const report = await buildMonthlyReport(db, '2026-11', colleague.userId);
    expect(report.workers.map((w) => w.workerName)).toEqual(['Ben Öztürk']);
    expect(report.noteCount).toBe(1);
  });

  it('an empty month has no workers and zero figures', async () => {
    const report = await buildMonthlyReport(db, '2025-01');
    expect(report).toMatchObject({
      workers: [],
      directMinutes: 0,
      travelMinutes: 0,
      kilometres: 0,
      noteCount: 0,
    });
  });

  it('accepts only real months', () => {
    expect(isReportMonth('2026-11')).toBe(true);
    expect(isReportMonth('2026-13')).toBe(false);
    expect(isReportMonth('2026-1')).toBe(false);
    expect(isReportMonth(null)).toBe(false);
  });
});
