// The figures a person feels, measured in Debian's Chromium against the real
// server, with at-rest encryption on (it always is): the lead's first sync (on
// fresh profiles on disk, with the raw IndexedDB floor in the same page), the JS
// heap after it, the offline cold start under 4x CPU throttling, saving a note
// and searching with 10,000 notes on the device, and the JavaScript the first
// screens needed.
import { rmSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { openInApp } from '../e2e/support/app';
import { createProfileDir } from '../e2e/support/browser';
import { BENCH_PASSWORD } from './dataset';
import { type FirstSyncRun, firstSyncOn, type PulledChange } from './first-sync';
import { gzippedScripts, marksOf, openLeadProfile, waitForMark } from './page-waits';
import { measureSearches, type SearchFigures } from './search-figure';

export type { PulledChange } from './first-sync';

export interface BrowserFigures {
  /** The measured runs, each on a fresh profile, after the discarded warm-up runs. */
  firstSyncs: FirstSyncRun[];
  lockScreen: { bytes: number; files: number };
  coldStart: { toLockScreenMs: number[]; unlockToTodayMs: number[]; totalMs: number[] };
  saveMs: number[];
  search: SearchFigures;
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

/**
 * First syncs, each on a fresh profile: `warmUps` discarded, then `runs` kept.
 * The last one's profile stays for the device figures that follow.
 */
async function firstSyncs(options: {
  profileDir: string;
  baseUrl: string;
  changes: PulledChange[];
  warmUps: number;
  runs: number;
}): Promise<FirstSyncRun[]> {
  const kept: FirstSyncRun[] = [];
  const total = options.warmUps + options.runs;
  for (let run = 0; run < total; run++) {
    const last = run === total - 1;
    const profileDir = last ? options.profileDir : createProfileDir();
    try {
      const result = await firstSyncOn(profileDir, options.baseUrl, options.changes);
      if (run >= options.warmUps) kept.push(result);
    } finally {
      if (!last) rmSync(profileDir, { recursive: true, force: true });
    }
  }
  return kept;
}

export async function measureBrowserFigures(options: {
  baseUrl: string;
  /** What the lead's pull delivers, fetched once in node with the lead's API client. */
  changes: PulledChange[];
  caseId: string;
  searchTerms: string[];
  firstSyncWarmUps: number;
  firstSyncRuns: number;
  coldStarts: number;
  saves: number;
}): Promise<BrowserFigures> {
  const profileDir = createProfileDir();
  let cold: Awaited<ReturnType<typeof coldStart>> | undefined;
  try {
    const syncs = await firstSyncs({
      profileDir,
      baseUrl: options.baseUrl,
      changes: options.changes,
      warmUps: options.firstSyncWarmUps,
      runs: options.firstSyncRuns,
    });

    // --- cold starts of the installed app, offline, CPU 4x
    const coldStarts: BrowserFigures['coldStart'] = { toLockScreenMs: [], unlockToTodayMs: [], totalMs: [] };
    let lockScreen = { bytes: 0, files: 0 };
    for (let run = 0; run < options.coldStarts; run++) {
      cold = await coldStart(profileDir, options.baseUrl);
      coldStarts.toLockScreenMs.push(cold.lockScreen);
      coldStarts.unlockToTodayMs.push(cold.unlock);
      coldStarts.totalMs.push(cold.lockScreen + cold.unlock);
      if (run === 0) lockScreen = await gzippedScripts(cold.page, cold.lockScreen);
      if (run < options.coldStarts - 1) await cold.context.close();
    }
    if (!cold) throw new Error('no cold start ran');
    const { page } = cold;
    // Save and search at full speed, still offline (the device's own work, no network).
    await (cold.cdp as CDPSession).send('Emulation.setCPUThrottlingRate', { rate: 1 });

    const saveMs = await measureSaves(page, options.caseId, options.saves);
    const search = await measureSearches(page, options.searchTerms);
    return { firstSyncs: syncs, lockScreen, coldStart: coldStarts, saveMs, search };
  } finally {
    // Closed before its profile goes, also when a figure failed (else that error hides behind the removal's).
    await cold?.context.close();
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
