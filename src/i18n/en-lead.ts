// English texts of the team lead's screens: review filters and comments, § 8a alerts, caseload, monthly report (mirrors de-lead.ts).
import type { deLead } from './de-lead';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const enLead: Widen<typeof deLead> = {};
