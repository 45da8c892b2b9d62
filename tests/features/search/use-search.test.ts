// The search screen shows results only under the query they were found for.
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../src/db/search/search';
import { type FoundFor, resultsFor } from '../../../src/features/search/use-search';

const db = {};
const hit: SearchResult = {
  entity: 'case',
  id: '11111111-1111-4111-8111-111111111111',
  caseId: '11111111-1111-4111-8111-111111111111',
  title: 'Yıldız',
  snippet: '',
  date: '',
  score: 1,
};

describe('resultsFor', () => {
  it('gives the results found for the query shown', () => {
    const found: FoundFor = { db, query: 'yildiz', limit: 60, results: [hit] };
    expect(resultsFor(found, { db, query: 'yildiz', limit: 60 })).toEqual([hit]);
  });

  it("is pending, not the previous query's 'nothing fits', right after the query changed", () => {
    const nothing: FoundFor = { db, query: 'ZuDiesemWortGibtEsNichts', limit: 60, results: [] };
    expect(resultsFor(nothing, { db, query: 'yildiz', limit: 60 })).toBeUndefined();
  });

  it("is pending rather than the previous query's matches", () => {
    const previous: FoundFor = { db, query: 'yil', limit: 60, results: [hit] };
    expect(resultsFor(previous, { db, query: 'yildizz', limit: 60 })).toBeUndefined();
  });

  it('is pending for another database or limit, and before anything was found', () => {
    const found: FoundFor = { db, query: 'yildiz', limit: 60, results: [hit] };
    expect(resultsFor(found, { db: {}, query: 'yildiz', limit: 60 })).toBeUndefined();
    expect(resultsFor(found, { db, query: 'yildiz', limit: 10 })).toBeUndefined();
    expect(resultsFor(undefined, { db, query: 'yildiz', limit: 60 })).toBeUndefined();
  });
});
