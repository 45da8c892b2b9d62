import { describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { budgetState, usageOfCaseInMonth } from '../../../src/db/reports/billable-time';
import { createCase } from '../../../src/db/repositories/cases';
import { createNote } from '../../../src/db/repositories/notes';
import { setUpDbWithCase } from '../support/case-bed';
import { caseFields, noteFields, worker } from '../support/fixtures';

let db: FeldakteDb;
let caseId: string;
setUpDbWithCase((bed) => {
  ({ db, caseId } = bed);
});

describe('billable time of a case in a month', () => {
  it('adds direct and travel time and kilometres of the notes of that case and month only', async () => {
    const note = (
      caseOf: string,
      date: string,
      durationMinutes: number,
      travelMinutes: number,
      kilometres: number,
    ) => createNote(db, worker, noteFields(caseOf, { date, durationMinutes, travelMinutes, kilometres }));
    const other = await createCase(db, worker, caseFields({ familyName: 'Familie Arslan' }));
    await note(caseId, '2026-03-01', 90, 30, 12.3);
    await note(caseId, '2026-03-31', 45, 20, 0.1);
    await note(caseId, '2026-03-15', 60, 0, 0.2);
    await note(caseId, '2026-02-28', 600, 60, 50);
    await note(caseId, '2026-04-01', 600, 60, 50);
    await note(other.id, '2026-03-10', 600, 60, 50);

    expect(await usageOfCaseInMonth(db, caseId, '2026-03')).toEqual({
      month: '2026-03',
      directMinutes: 195,
      travelMinutes: 50,
      usedMinutes: 245,
      kilometres: 12.6,
      noteCount: 3,
    });
  });

  it('is zero in a month without notes', async () => {
    expect(await usageOfCaseInMonth(db, caseId, '2026-05')).toMatchObject({ usedMinutes: 0, noteCount: 0 });
  });
});

describe('budget state', () => {
  it('tells within, near (from 90 %), over (above 100 %) and none without approved hours', () => {
    expect(budgetState(600, 20)).toBe('within');
    expect(budgetState(1080, 20)).toBe('near');
    expect(budgetState(1200, 20)).toBe('near');
    expect(budgetState(1201, 20)).toBe('over');
    expect(budgetState(100, 0)).toBe('none');
  });
});
