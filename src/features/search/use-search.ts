import { useEffect, useState } from 'react';
import { type SearchResult, searchIndexOf } from '../../db/search/search';
import { useSession } from '../../ui/session';

/**
 * A query over 10,000 notes takes about 20 ms (npm run bench), less than the gap
 * between two keystrokes: the pause only coalesces bursts (fast typing, pasting),
 * and results follow the typing within the 100 ms a person reads as instant.
 */
const DEBOUNCE_MS = 50;

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms = DEBOUNCE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Results together with what they were found for. */
export interface FoundFor {
  db: object;
  query: string;
  limit: number;
  results: SearchResult[];
}

/**
 * The held results only if they answer `wanted`: right after the query changed,
 * the previous query's results (or its "nothing fits") must not be shown under
 * the new query, so the screen shows the pending state until its own arrive.
 */
export function resultsFor(
  found: FoundFor | undefined,
  wanted: Omit<FoundFor, 'results'>,
): SearchResult[] | undefined {
  if (!found) return undefined;
  const answers = found.db === wanted.db && found.query === wanted.query && found.limit === wanted.limit;
  return answers ? found.results : undefined;
}

/**
 * Matches for `query` on this device, live: they follow records being written,
 * pulled or removed. undefined while the index is first built, and until the
 * matches for this very query are there.
 */
export function useSearch(query: string, limit = 60): SearchResult[] | undefined {
  const { db } = useSession();
  const [found, setFound] = useState<FoundFor | undefined>(undefined);

  useEffect(() => {
    const index = searchIndexOf(db);
    let current = true;
    const show = (results: SearchResult[]) => {
      if (current) setFound({ db, query, limit, results });
    };
    const run = () => show(index.search(query, { limit }));
    index.ready.then(run, () => show([]));
    const unsubscribe = index.subscribe(run);
    return () => {
      current = false;
      unsubscribe();
    };
  }, [db, query, limit]);

  return resultsFor(found, { db, query, limit });
}
