// Searching as a person does it on the Suche screen: a query typed key by key at
// a typing pace, the results of what was typed so far showing meanwhile, then
// the last key; the clock runs in the page from that key's input event to the
// frame in which the results for the whole query are shown. The screen debounces
// its input (src/features/search/use-search.ts), so that pause is in the figure.
//
// The results on the screen belong to the query only once the previous query's
// results were taken away (the screen never shows one query's results under
// another): the watch waits for the count to go, then to come back.
import type { Page } from 'playwright-core';
import { openInApp } from '../e2e/support/app';
import { marksOf, waitForMark } from './page-waits';

/** About 8 keys a second, a quick typist on a tablet. */
const TYPING_DELAY_MS = 120;
/** A search term as typed: the first letters of a word, as people search. */
const QUERY_LENGTH = 7;
/** No DOM change for this long: what the screen shows has settled. */
const QUIET_MS = 150;

export interface SearchFigures {
  /** Opening Suche and typing the first query at once: the index over the device's records is built meanwhile. */
  firstQueryMs: number;
  /** Last key → results, per query, with the index built. */
  typedMs: number[];
}

/** Arms the marks for `query`: the last key's input event, and the results for it shown. */
async function armFor(page: Page, query: string, staleShown: boolean): Promise<void> {
  await page.evaluate(
    ({ wanted, stale }) => {
      const input = document.querySelector<HTMLInputElement>('#local-search');
      let typed = false;
      let staleGone = !stale;
      input?.addEventListener(
        'input',
        () => {
          typed = true;
          window.__bench.marks[`typed:${wanted}`] = performance.now();
        },
        { once: true },
      );
      const observer = new MutationObserver(() => {
        if (!typed || document.querySelector('.search-count') !== null) return;
        staleGone = true;
        observer.disconnect();
      });
      if (stale) observer.observe(document, { subtree: true, childList: true });
      window.__bench.watch(
        `found:${wanted}`,
        () => staleGone && input?.value === wanted && document.querySelector('.search-count') !== null,
      );
    },
    { wanted: query, stale: staleShown },
  );
}

async function clockFor(page: Page, query: string): Promise<number> {
  const found = await waitForMark(page, `found:${query}`, 30_000);
  const typed = (await marksOf(page))[`typed:${query}`] ?? Number.NaN;
  return found - typed;
}

/** Results shown and nothing changing on the screen any more. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __benchLastChange?: number };
    if (w.__benchLastChange === undefined) {
      new MutationObserver(() => {
        w.__benchLastChange = performance.now();
      }).observe(document, { subtree: true, childList: true, characterData: true });
    }
    w.__benchLastChange = performance.now();
  });
  await page.waitForFunction(
    (quiet) =>
      document.querySelector('.search-count') !== null &&
      performance.now() - ((window as unknown as { __benchLastChange: number }).__benchLastChange ?? 0) >
        quiet,
    QUIET_MS,
    { polling: 25, timeout: 30_000 },
  );
}

export async function measureSearches(page: Page, terms: string[]): Promise<SearchFigures> {
  const queries = terms.map((term) => term.slice(0, QUERY_LENGTH));
  const [first, ...rest] = queries;
  if (first === undefined) throw new Error('no search terms');
  await openInApp(page, '/suche');
  const field = page.getByLabel('Suchbegriff');
  await field.waitFor();
  await armFor(page, first, false);
  await field.fill(first);
  const firstQueryMs = await clockFor(page, first);

  const typedMs: number[] = [];
  for (const query of rest.length > 0 ? rest : [first]) {
    await field.fill('');
    await page.locator('.search-count').waitFor({ state: 'detached' });
    await field.pressSequentially(query.slice(0, -1), { delay: TYPING_DELAY_MS });
    await settled(page);
    await armFor(page, query, true);
    await page.keyboard.type(query.slice(-1), { delay: TYPING_DELAY_MS });
    typedMs.push(await clockFor(page, query));
  }
  return { firstQueryMs, typedMs };
}
