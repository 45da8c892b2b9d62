// Hilfeplan dates: a Hilfeplangespräch coming up (Heute shows it to the case's
// worker 14 days ahead, time to prepare the Entwicklungsbericht) and one that
// is overdue (the date passed on a case still worked on; Auslastung shows it).
import { addDays, lightFormat } from 'date-fns';
import type { CaseRecord } from '../../shared/records';
import type { FeldakteDb } from '../infrastructure/schema';
import { CURRENT_CASE_STATUSES, listOpenCases } from '../repositories/cases';

/** How many days ahead Heute shows a Hilfeplangespräch. */
export const HELP_PLAN_NOTICE_DAYS = 14;

export interface HelpPlanDate {
  caseId: string;
  familyName: string;
  /** "YYYY-MM-DD" */
  date: string;
}

const isCurrent = (record: CaseRecord) => CURRENT_CASE_STATUSES.includes(record.status);

function dated(record: CaseRecord): HelpPlanDate | null {
  if (record.nextHelpPlanDate === null) return null;
  return { caseId: record.id, familyName: record.familyName, date: record.nextHelpPlanDate };
}

const byDate = (a: HelpPlanDate, b: HelpPlanDate) =>
  a.date.localeCompare(b.date) || a.familyName.localeCompare(b.familyName, 'de');

/** The person's current cases with a Hilfeplangespräch from today up to 14 days ahead, soonest first. */
export function helpPlansDue(cases: CaseRecord[], userId: string, today: string): HelpPlanDate[] {
  const last = lightFormat(addDays(new Date(`${today}T12:00:00`), HELP_PLAN_NOTICE_DAYS), 'yyyy-MM-dd');
  return cases
    .filter((c) => c.assignedTo === userId && isCurrent(c))
    .map(dated)
    .filter((d): d is HelpPlanDate => d !== null && d.date >= today && d.date <= last)
    .sort(byDate);
}

/** Current cases whose Hilfeplangespräch date lies before today, oldest first. */
export function overdueHelpPlans(cases: CaseRecord[], today: string): HelpPlanDate[] {
  return cases
    .filter(isCurrent)
    .map(dated)
    .filter((d): d is HelpPlanDate => d !== null && d.date < today)
    .sort(byDate);
}

export async function listHelpPlansDue(
  db: FeldakteDb,
  userId: string,
  today: string,
): Promise<HelpPlanDate[]> {
  return helpPlansDue(await listOpenCases(db), userId, today);
}
