// Calendar days travel as "YYYY-MM-DD" (IsoDate fields, the server's "today"),
// always the day on the local clock: toISOString() would give the UTC day,
// which is yesterday for a visit noted in Germany just after midnight.

/** The calendar day of `date` in local time, as "YYYY-MM-DD". */
export function localIsoDate(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
