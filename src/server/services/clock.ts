// "Now" for the server's own decisions about days (is a substitution in force
// today?). Injectable, so tests can move through a substitution's period.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** The calendar day of `date` in the server's local time, as YYYY-MM-DD (like IsoDate fields). */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
