// Billable time (Fachleistungsstunden) of a case in a month, from its notes.
//
// Assumption: what a case uses in a month is the direct time (durationMinutes)
// plus the travel time (travelMinutes) of every note of the case dated in that
// month, whoever wrote it (substitutes' notes count for the case too). Planned
// appointments do not count until a note documents them, and a visit documented
// by a note is counted once, through its note. Kilometres are summed alongside
// for the travel claim; they are not hours.
import type { NoteRecord } from '../../shared/records';
import type { FeldakteDb } from '../infrastructure/schema';

export interface MonthUsage {
  /** "YYYY-MM" */
  month: string;
  directMinutes: number;
  travelMinutes: number;
  /** direct + travel */
  usedMinutes: number;
  kilometres: number;
  noteCount: number;
}

function sumUsage(month: string, notes: readonly NoteRecord[]): MonthUsage {
  const inMonth = notes.filter((note) => note.date.startsWith(`${month}-`));
  const directMinutes = inMonth.reduce((sum, note) => sum + note.durationMinutes, 0);
  const travelMinutes = inMonth.reduce((sum, note) => sum + note.travelMinutes, 0);
  // Tenths of a kilometre summed as whole numbers, so 0.1 + 0.2 stays 0.3.
  const kilometres = inMonth.reduce((sum, note) => sum + Math.round(note.kilometres * 10), 0) / 10;
  return {
    month,
    directMinutes,
    travelMinutes,
    usedMinutes: directMinutes + travelMinutes,
    kilometres,
    noteCount: inMonth.length,
  };
}

/** The case's billable time in a month ("YYYY-MM"). */
export async function usageOfCaseInMonth(db: FeldakteDb, caseId: string, month: string): Promise<MonthUsage> {
  const notes = await db.notes
    .where('[caseId+date]')
    .between([caseId, `${month}-01`], [caseId, `${month}-31`], true, true)
    .toArray();
  return sumUsage(month, notes);
}

export type BudgetState = 'none' | 'within' | 'near' | 'over';

/** Where the used time stands against the approved hours: 'near' from 90 %, 'over' above 100 %. */
export function budgetState(usedMinutes: number, approvedHours: number): BudgetState {
  if (approvedHours <= 0) return 'none';
  const approvedMinutes = approvedHours * 60;
  if (usedMinutes > approvedMinutes) return 'over';
  if (usedMinutes >= approvedMinutes * 0.9) return 'near';
  return 'within';
}
