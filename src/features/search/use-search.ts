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

/**
 * Matches for `query` on this device, live: they follow records being written,
 * pulled or removed. undefined while the index is first built.
 */
export function useSearch(query: string, limit = 60): SearchResult[] | undefined {
  const { db } = useSession();
  const [results, setResults] = useState<SearchResult[] | undefined>(undefined);

  useEffect(() => {
    const index = searchIndexOf(db);
    let current = true;
    const run = () => {
      if (current) setResults(index.search(query, { limit }));
    };
    index.ready.then(run, () => {
      if (current) setResults([]);
    });
    const unsubscribe = index.subscribe(run);
    return () => {
      current = false;
      unsubscribe();
    };
  }, [db, query, limit]);

  return results;
}
