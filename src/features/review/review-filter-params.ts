// The review filters live in the URL's search params (?fachkraft=&fall=&von=&bis=&art=),
// so back/forward, a reload and a shared link keep them.

import type { ReviewFilter } from '../../db/repositories/review';
import { ContactKind } from '../../shared/records';

const PARAMS = { authorId: 'fachkraft', caseId: 'fall', from: 'von', to: 'bis', kind: 'art' } as const;
type FilterKey = keyof typeof PARAMS;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filterFromParams(params: URLSearchParams): ReviewFilter {
  const day = (value: string | null) => (value && DAY.test(value) ? value : null);
  const kind = ContactKind.safeParse(params.get(PARAMS.kind));
  return {
    authorId: params.get(PARAMS.authorId) || null,
    caseId: params.get(PARAMS.caseId) || null,
    from: day(params.get(PARAMS.from)),
    to: day(params.get(PARAMS.to)),
    kind: kind.success ? kind.data : null,
  };
}

/** The params with one filter set (or removed when empty); other params stay. */
export function withFilter(params: URLSearchParams, key: FilterKey, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value) next.set(PARAMS[key], value);
  else next.delete(PARAMS[key]);
  return next;
}

export function withoutFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of Object.values(PARAMS)) next.delete(name);
  return next;
}

export function hasFilter(filter: ReviewFilter): boolean {
  return Object.values(filter).some((value) => value !== null && value !== undefined && value !== '');
}
