import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { type MonthUsage, usageOfCaseInMonth } from '../../db/reports/billable-time';
import { updateCase } from '../../db/repositories/cases';
import type { CaseRecord } from '../../shared/records';
import { useSession } from '../../ui/session';

/** The case's billable time in a month ("YYYY-MM"), live as notes are written. */
export function useMonthUsage(caseId: string, month: string): MonthUsage | undefined {
  const { db } = useSession();
  return useLiveQuery(() => usageOfCaseInMonth(db, caseId, month), [db, caseId, month]);
}

export function useSetApprovedHours(): (caseId: string, hours: number) => Promise<CaseRecord> {
  const { db, actor } = useSession();
  return (caseId, hours) => updateCase(db, actor, caseId, { approvedHoursPerMonth: hours });
}

/** Hours and kilometres the way the reader's language writes numbers ("12,5"). */
export function useNumberFormat(): (value: number) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  return (value) => value.toLocaleString(locale, { maximumFractionDigits: 2 });
}
