// Calendar days are stored as "YYYY-MM-DD" in the worker's local time.
import { addDays, subDays } from 'date-fns';
import { localIsoDate } from '../../shared/local-date';

export function todayIso(now = new Date()): string {
  return localIsoDate(now);
}

export function tomorrowIso(now = new Date()): string {
  return localIsoDate(addDays(now, 1));
}

export function yesterdayIso(now = new Date()): string {
  return localIsoDate(subDays(now, 1));
}

/** "2026-11-21" as a local Date at midnight (new Date("2026-11-21") would be UTC midnight). */
export function dayToDate(isoDay: string): Date {
  const [year = 0, month = 1, day = 1] = isoDay.split('-').map(Number);
  return new Date(year, month - 1, day);
}
