// English texts of network partners (Netzwerkpartner) and the outcomes of Fall im Feld (mirrors de-partners.ts).
import type { dePartners } from './de-partners';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const enPartners: Widen<typeof dePartners> = {};
