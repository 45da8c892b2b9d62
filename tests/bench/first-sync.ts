// The lead's first sync on a fresh tablet, in Debian's Chromium against the real
// server: a browser profile on disk (as an installed app on a phone keeps its
// storage), login through the screen, and the clock on the pull alone, from the
// first pull request to the screen saying "Synchronisiert" (the last batch
// stored, and the frame that shows it). The login (request, key derivation,
// database open) is timed on its own, outside that figure, so the comparison
// with PouchDB, which has no login, stays like with like. The raw IndexedDB floor
// is written in the same page right after.
import type { BrowserContext, Page } from 'playwright-core';
import { MAX_PULL_LIMIT } from '../../src/shared/protocol';
import { waitForServiceWorker } from '../e2e/support/app';
import { BENCH_PASSWORD, LEAD_USERNAME } from './dataset';
import { resourceTimingsIn, writeRawFloor } from './page-probes';
import { gzippedScripts, marksOf, openLeadProfile, waitForMark } from './page-waits';

export interface PulledChange {
  entity: string;
  record: { id: string } & Record<string, unknown>;
}

export interface FirstSyncRun {
  /** "Anmelden" to the first pull request: login request, key derivation, database open. */
  loginMs: number;
  /** First pull request to synced and shown. */
  pullMs: number;
  /** The same records written raw into IndexedDB in the same page. */
  floorMs: number;
  /** JS heap after the sync, after a forced garbage collection. */
  heapBytes: number;
  loginScreen: { bytes: number; files: number };
}

function entitiesOf(changes: PulledChange[]): string[] {
  return [...new Set(changes.map((change) => change.entity))];
}

/** The app's own pull batches (the engine asks for MAX_PULL_LIMIT): the same transactions, raw. */
function pullBatches(changes: PulledChange[]): PulledChange[][] {
  const batches: PulledChange[][] = [];
  for (let i = 0; i < changes.length; i += MAX_PULL_LIMIT) batches.push(changes.slice(i, i + MAX_PULL_LIMIT));
  return batches;
}

async function heapAfterGarbageCollection(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

/** One first sync on `profileDir` (empty); the profile keeps the synced, installed app afterwards. */
export async function firstSyncOn(
  profileDir: string,
  baseUrl: string,
  changes: PulledChange[],
): Promise<FirstSyncRun> {
  const { context, page } = await openLeadProfile(profileDir);
  try {
    await page.goto(baseUrl);
    const loginScreenAt = await waitForMark(page, 'loginScreen', 60_000);
    await page.waitForLoadState('load');
    const loginScreen = await gzippedScripts(page, loginScreenAt);
    await page.getByLabel('Benutzername').fill(LEAD_USERNAME);
    await page.getByLabel('Passwort').fill(BENCH_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    const synced = await waitForMark(page, 'syncedAndUsable');
    const { loginClick = Number.NaN } = await marksOf(page);
    const timings = await page.evaluate(resourceTimingsIn);
    const firstPull = Math.min(
      ...timings.filter((entry) => entry.name.includes('/api/sync/pull')).map((entry) => entry.startTime),
    );
    const heapBytes = await heapAfterGarbageCollection(context, page);
    const floorMs = await page.evaluate(writeRawFloor, {
      name: `bench-floor-${Date.now()}`,
      entities: entitiesOf(changes),
      batches: pullBatches(changes),
    });
    await waitForServiceWorker(page);
    return { loginMs: firstPull - loginClick, pullMs: synced - firstPull, floorMs, heapBytes, loginScreen };
  } finally {
    await context.close();
  }
}
