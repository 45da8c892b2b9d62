// The lead's first sync of a team with 10,000 notes: batched, with a progress
// bar, the app usable meanwhile, and after the connection drops half-way it
// resumes from where it stopped (not from the start). In the end every note is in
// IndexedDB exactly once.
import { setTimeout as sleep } from 'node:timers/promises';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notesOnServer, pushNotesAs, signIn } from './support/api';
import { countInUserDb, login, waitUntilSynced } from './support/app';
import { firstPage, launchProfile, TABLET } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const NOTE_COUNT = 10_000;
const PREFIX = 'Massendaten-Notiz';
/** Each pull answer is held this long, so the first sync lasts long enough to use the app and to cut it. */
const PULL_DELAY_MS = 250;

/** Cursors of the pulls the page sent, in order; each pull is held back a moment. */
async function slowDownPulls(context: BrowserContext): Promise<string[]> {
  const cursors: string[] = [];
  await context.route(
    (url) => url.pathname === '/api/sync/pull',
    async (route: Route) => {
      cursors.push(new URL(route.request().url()).searchParams.get('cursor') ?? '0');
      await sleep(PULL_DELAY_MS);
      // The connection may be cut meanwhile; the page then sees a failed request, as it should.
      await route.continue().catch(() => {});
    },
  );
  return cursors;
}

describe('first sync of a large team', () => {
  let server: RunningServer;
  let profile: { context: BrowserContext; dispose(): Promise<void> };
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    const started = Date.now();
    await pushNotesAs(server.url, 'anna', NOTE_COUNT, (i) => `${PREFIX} ${String(i).padStart(5, '0')}`);
    console.info(
      `[large first sync] seeded ${NOTE_COUNT} notes through the push API in ${Date.now() - started} ms`,
    );
    profile = await launchProfile(TABLET);
    page = await firstPage(profile.context);
  }, 300_000);

  afterAll(async () => {
    await profile?.dispose();
    await server?.stop();
  });

  it('shows progress, stays usable, resumes after a dropped connection, and stores every note once', async () => {
    const onServer = await notesOnServer(server.url);
    const seededIds = onServer.filter((note) => note.text.startsWith(PREFIX)).map((note) => note.id);
    expect(seededIds).toHaveLength(NOTE_COUNT);
    const cursors = await slowDownPulls(profile.context);

    await login(page, server.url, 'lea');
    const progress = page.getByRole('progressbar');
    await progress.first().waitFor({ timeout: 20_000 });

    // Usable meanwhile: the case list opens while the notes still arrive.
    await page.getByRole('link', { name: 'Fälle' }).first().click();
    await page.getByText('Berger').first().waitFor();
    expect(await progress.count()).toBeGreaterThan(0);

    // Cut the connection after a few batches, for a moment.
    await expect.poll(() => cursors.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
    await profile.context.setOffline(true);
    await page.getByText('Offline', { exact: true }).first().waitFor();
    const pullsBeforeCut = cursors.length;
    await profile.context.setOffline(false);

    await waitUntilSynced(page, 90_000);
    // The first pull after the cut asks from where the last one before it asked
    // (that batch was lost) or later (it arrived): never from further back.
    const resumedFrom = cursors[pullsBeforeCut] ?? '0';
    const lastBeforeCut = cursors[pullsBeforeCut - 1] ?? '0';
    expect(resumedFrom, 'the sync after the cut must not start over').not.toBe('0');
    expect(BigInt(resumedFrom) >= BigInt(lastBeforeCut)).toBe(true);
    const { userId } = await signIn(server.url, 'lea');
    // The text is sealed on the device; the ids of the seeded notes are in the clear.
    // Every one is there, and as the primary key each is there once.
    const stored = await countInUserDb(page, userId, 'notes', { field: 'id', among: seededIds });
    expect(stored).toEqual({ rows: NOTE_COUNT, distinct: NOTE_COUNT });
    expect(await countInUserDb(page, userId, 'notes', { field: 'id', prefix: '' })).toEqual({
      rows: onServer.length,
      distinct: onServer.length,
    });
    console.info(
      `[large first sync] ${cursors.length} pulls, cut after ${pullsBeforeCut}, resumed from cursor ${resumedFrom}`,
    );
  });
});
