import { afterEach, describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { helpPlansDue, listHelpPlansDue, overdueHelpPlans } from '../../../src/db/reports/help-plan-dates';
import { createCase } from '../../../src/db/repositories/cases';
import type { CaseRecord } from '../../../src/shared/records';
import { caseFields, colleague, freshDb, worker } from '../support/fixtures';

let db: FeldakteDb;

afterEach(async () => {
  await db?.delete();
});

const TODAY = '2026-11-18';

async function seed(): Promise<CaseRecord[]> {
  db = freshDb();
  const cases: CaseRecord[] = [];
  for (const [familyName, nextHelpPlanDate, extra] of [
    ['Familie Heute', '2026-11-18', {}],
    ['Familie Grenze', '2026-12-02', {}], // 14 days ahead: still shown
    ['Familie Später', '2026-12-03', {}], // 15 days ahead: not yet
    ['Familie Gestern', '2026-11-17', {}],
    ['Familie Ohne', null, {}],
    ['Familie Beantragt', '2026-11-25', { status: 'closure_requested' as const }],
    ['Familie Zu', '2026-11-20', { status: 'closed' as const }],
    ['Familie Zu alt', '2026-10-01', { status: 'closed' as const }],
    ['Familie Kollegin', '2026-11-19', { assignedTo: colleague.userId }],
    ['Familie Kollegin alt', '2026-09-01', { assignedTo: colleague.userId }],
  ] as const) {
    cases.push(await createCase(db, worker, caseFields({ familyName, nextHelpPlanDate, ...extra })));
  }
  return cases;
}

describe('Hilfeplan dates', () => {
  it('Heute: the person’s current cases with a Hilfeplangespräch from today to 14 days ahead, soonest first', async () => {
    const cases = await seed();
    expect(helpPlansDue(cases, worker.userId, TODAY).map((d) => [d.familyName, d.date])).toEqual([
      ['Familie Heute', '2026-11-18'],
      ['Familie Beantragt', '2026-11-25'],
      ['Familie Grenze', '2026-12-02'],
    ]);
    expect((await listHelpPlansDue(db, colleague.userId, TODAY)).map((d) => d.familyName)).toEqual([
      'Familie Kollegin',
    ]);
  });

  it('the 14 days count across a change to winter time and a year end', () => {
    const record = (date: string) =>
      ({ ...caseFields({ nextHelpPlanDate: date }), id: date, status: 'open' }) as unknown as CaseRecord;
    expect(helpPlansDue([record('2026-11-08')], worker.userId, '2026-10-25')).toHaveLength(1);
    expect(helpPlansDue([record('2027-01-08')], worker.userId, '2026-12-25')).toHaveLength(1);
    expect(helpPlansDue([record('2027-01-09')], worker.userId, '2026-12-25')).toHaveLength(0);
  });

  it('Auslastung: current cases whose date has passed, oldest first, closed ones left out', async () => {
    const cases = await seed();
    expect(overdueHelpPlans(cases, TODAY).map((d) => d.familyName)).toEqual([
      'Familie Kollegin alt',
      'Familie Gestern',
    ]);
  });
});
