// English texts of the worker's day: visits, note templates and drafts, billable time, help-plan goals (mirrors de-workday.ts).
import type { deWorkday } from './de-workday';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const enWorkday: Widen<typeof deWorkday> = {};
