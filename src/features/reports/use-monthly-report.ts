import { useLiveQuery } from 'dexie-react-hooks';
import { buildMonthlyReport, type MonthlyReport } from '../../db/reports/monthly-report';
import { useSession } from '../../ui/session';

/** A lead's report covers the team (what the device holds); a worker's only their own notes. */
export function useMonthlyReport(month: string): MonthlyReport | undefined {
  const { db, user } = useSession();
  const authorId = user.role === 'lead' ? null : user.id;
  return useLiveQuery(() => buildMonthlyReport(db, month, authorId), [db, month, authorId]);
}
