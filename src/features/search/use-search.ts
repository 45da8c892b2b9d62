import { useEffect, useState } from 'react';
import { type SearchResult, searchIndexOf } from '../../db/search';
import { useSession } from '../../ui/session';

const DEBOUNCE_MS = 150;

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
