// The figures a person feels, measured in Debian's Chromium against the real
// server, with at-rest encryption on (it always is): the lead's first sync with
// the raw IndexedDB floor in the same page, the JS heap after it, the offline
// cold start under 4x CPU throttling, saving a note and searching with 10,000
// notes on the device, and the JavaScript the first screens needed.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { MAX_PULL_LIMIT } from '../../src/shared/protocol';
import { openInApp, waitForServiceWorker } from '../e2e/support/app';
import { createProfileDir, firstPage, openProfile, TABLET } from '../e2e/support/browser';
import { BENCH_PASSWORD, LEAD_USERNAME } from './dataset';
import { type BenchMarks, installProbes, resourceTimingsIn, writeRawFloor } from './page-probes';

export interface PulledChange {
  entity: string;
  record: { id: string } & Record<string, unknown>;
}

export interface BrowserFigures {
  firstSync: { loginAndKeyMs: number; pullMs: number; totalMs: number; floorMs: number };
  heapBytes: number;
  bundle: {
    loginScreenGzipBytes: number;
    lockScreenGzipBytes: number;
    loginFiles: number;
    lockFiles: number;
  };
  coldStart: { toLockScreenMs: number[]; unlockToTodayMs: number[]; totalMs: number[] };
  saveMs: number[];
  searchMs: number[];
}

const DIST = join(process.cwd(), 'dist');
const LONG = 15 * 60_000;

async function marksOf(page: Page): Promise<BenchMarks> {
  return page.evaluate(() => ({ ...window.__bench.marks }));
}

async function waitForMark(page: Page, name: string, timeout = LONG): Promise<number> {
  const handle = await page.waitForFunction((mark) => window.__bench?.marks[mark], name, {
    timeout,
    polling: 50,
  });
  return (await handle.jsonValue()) as number;
}

/** gzip (level 6, what servers use by default) of exactly the .js files the page requested, read from dist. */
async function gzippedScripts(page: Page, until: number): Promise<{ bytes: number; files: number }> {
  const timings = await page.evaluate(resourceTimingsIn);
  const paths = new Set(
    timings
      .filter((entry) => entry.startTime <= until)
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith('.js')),
  );
  let bytes = 0;
  for (const path of paths) bytes += gzipSync(readFileSync(join(DIST, path)), { level: 6 }).length;
  return { bytes, files: paths.size };
}

function entitiesOf(changes: PulledChange[]): string[] {
  return [...new Set(changes.map((change) => change.entity))];
}

async function openLeadProfile(profileDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await openProfile(profileDir, TABLET);
  // tsx compiles with esbuild's keepNames, whose __name() wrappers travel with the
  // serialised functions: the page gets a no-op of its own.
  await context.addInitScript({ content: `var __name = (f) => f;\n(${installProbes.toString()})();` });
  return { context, page: await firstPage(context) };
}

/** One offline cold start with the CPU throttled 4x: navigation to the lock screen, then unlock to Heute. */
async function coldStart(profileDir: string, baseUrl: string) {
  const { context, page } = await openLeadProfile(profileDir);
  await context.setOffline(true);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(baseUrl);
  const lockScreen = await waitForMark(page, 'lockScreen', 60_000);
  await page.getByLabel('Passwort').fill(BENCH_PASSWORD);
  await page.getByRole('button', { name: 'Entsperren' }).click();
  const today = await waitForMark(page, 'todayWithData', 60_000);
  const { unlockClick = Number.NaN } = await marksOf(page);
  return { context, page, cdp, lockScreen, unlock: today - unlockClick };
}

export async function measureBrowserFigures(options: {
  baseUrl: string;
  /** What the lead's pull delivers, fetched once in node with the lead's API client. */
  changes: PulledChange[];
  caseId: string;
  searchTerms: string[];
  coldStarts: number;
  saves: number;
}): Promise<BrowserFigures> {
  const profileDir = createProfileDir();
  try {
    // --- first sync on the lead's fresh tablet, and the raw floor in the same page
    let { context, page } = await openLeadProfile(profileDir);
    await page.goto(options.baseUrl);
    const loginScreen = await waitForMark(page, 'loginScreen', 60_000);
    await page.waitForLoadState('load');
    const loginBundle = await gzippedScripts(page, loginScreen);
    await page.getByLabel('Benutzername').fill(LEAD_USERNAME);
    await page.getByLabel('Passwort').fill(BENCH_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    const usable = await waitForMark(page, 'syncedAndUsable');
    const { loginClick = Number.NaN } = await marksOf(page);
    const timings = await page.evaluate(resourceTimingsIn);
    const firstPull = Math.min(
      ...timings.filter((entry) => entry.name.includes('/api/sync/pull')).map((entry) => entry.startTime),
    );

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };

    const batches: PulledChange[][] = [];
    // The app's own pull batches (sync/engine.ts asks for MAX_PULL_LIMIT): the same transactions, raw.
    for (let i = 0; i < options.changes.length; i += MAX_PULL_LIMIT)
      batches.push(options.changes.slice(i, i + MAX_PULL_LIMIT));
    const floorMs = await page.evaluate(writeRawFloor, {
      name: `bench-floor-${Date.now()}`,
      entities: entitiesOf(options.changes),
      batches,
    });
    await waitForServiceWorker(page);
    await context.close();

    // --- cold starts of the installed app, offline, CPU 4x
    const coldStarts: BrowserFigures['coldStart'] = { toLockScreenMs: [], unlockToTodayMs: [], totalMs: [] };
    let lockBundle = { bytes: 0, files: 0 };
    let cold: Awaited<ReturnType<typeof coldStart>> | undefined;
    for (let run = 0; run < options.coldStarts; run++) {
      cold = await coldStart(profileDir, options.baseUrl);
      coldStarts.toLockScreenMs.push(cold.lockScreen);
      coldStarts.unlockToTodayMs.push(cold.unlock);
      coldStarts.totalMs.push(cold.lockScreen + cold.unlock);
      if (run === 0) lockBundle = await gzippedScripts(cold.page, cold.lockScreen);
      if (run < options.coldStarts - 1) await cold.context.close();
    }
    if (!cold) throw new Error('no cold start ran');
    ({ context, page } = cold);
    // Save and search at full speed, still offline (the device's own work, no network).
    await (cold.cdp as CDPSession).send('Emulation.setCPUThrottlingRate', { rate: 1 });

    const saveMs = await measureSaves(page, options.caseId, options.saves);
    const searchMs = await measureSearches(page, options.searchTerms);
    await context.close();

    return {
      firstSync: {
        loginAndKeyMs: firstPull - loginClick,
        pullMs: usable - firstPull,
        totalMs: usable - loginClick,
        floorMs,
      },
      heapBytes: usedSize,
      bundle: {
        loginScreenGzipBytes: loginBundle.bytes,
        lockScreenGzipBytes: lockBundle.bytes,
        loginFiles: loginBundle.files,
        lockFiles: lockBundle.files,
      },
      coldStart: coldStarts,
      saveMs,
      searchMs,
    };
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/** "Speichern" on a new note until its text shows in the case's timeline (outside the form). */
async function measureSaves(page: Page, caseId: string, count: number): Promise<number[]> {
  await openInApp(page, `/faelle/${caseId}`);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const text = `Messnotiz ${i} ${Date.now()}`;
    await page
      .getByRole('button', { name: 'Neue Notiz' })
      .or(page.getByRole('link', { name: 'Neue Notiz' }))
      .first()
      .click();
    await page.getByLabel('Notiz', { exact: true }).fill(text);
    await page.getByLabel('Dauer (Minuten)').fill('30');
    await page.evaluate((wanted) => {
      const startMark = `saveClick:${wanted}`;
      document.addEventListener(
        'click',
        (event) => {
          const label = (event.target as Element | null)?.closest?.('button')?.textContent?.trim();
          if (label === 'Speichern') window.__bench.marks[startMark] = performance.now();
        },
        { capture: true, once: true },
      );
      window.__bench.watch(`saved:${wanted}`, () =>
        [...document.querySelectorAll('main li, main article')].some(
          (element) =>
            element.closest('form') === null &&
            element.textContent?.includes(wanted) &&
            element.checkVisibility(),
        ),
      );
    }, text);
    await page.getByRole('button', { name: 'Speichern' }).click();
    const seen = await waitForMark(page, `saved:${text}`, 30_000);
    const started = (await marksOf(page))[`saveClick:${text}`] ?? Number.NaN;
    times.push(seen - started);
  }
  return times;
}

/** Typing a term into Suche until the result count for it is rendered (the screen's 150 ms debounce included). */
async function measureSearches(page: Page, terms: string[]): Promise<number[]> {
  await openInApp(page, '/suche');
  const field = page.getByLabel('Suchbegriff');
  const times: number[] = [];
  for (const term of terms) {
    await field.fill('');
    await page.locator('.search-count').waitFor({ state: 'detached' });
    await page.evaluate((wanted) => {
      const input = document.querySelector<HTMLInputElement>('#local-search');
      input?.addEventListener(
        'input',
        () => {
          window.__bench.marks[`typed:${wanted}`] = performance.now();
        },
        { once: true },
      );
      window.__bench.watch(
        `found:${wanted}`,
        () => input?.value === wanted && document.querySelector('.search-count') !== null,
      );
    }, term);
    await field.fill(term);
    const found = await waitForMark(page, `found:${term}`, 30_000);
    const typed = (await marksOf(page))[`typed:${term}`] ?? Number.NaN;
    times.push(found - typed);
  }
  return times;
}
