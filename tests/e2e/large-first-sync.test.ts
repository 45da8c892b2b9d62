// The lead's first sync of a team with 10,000 notes: batched, with a progress
// bar, the app usable meanwhile, and after the connection drops half-way it
// resumes from where it stopped (not from the start). In the end every note is in
// IndexedDB exactly once.
import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notesOnServer, pushNotesAs, signIn } from './support/api';
import { countInUserDb, login, waitUntilSynced } from './support/app';
import { firstPage, launchProfile, TABLET } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const NOTE_COUNT = 10_000;
const PREFIX = 'Massendaten-Notiz';
/** The pull the test holds back: by then a few batches have arrived, and many are still to come. */
const HOLD_AT_PULL = 5;

interface PullValve {
  /** Cursors of the pulls the page sent, in order. */
  cursors: string[];
  /** Resolves once a pull is held: the first sync is then provably under way and not done. */
  held: Promise<void>;
  /** The held pull fails as a dropped connection does. */
  dropHeld(): Promise<void>;
  /** From now on pulls pass; any still held goes on. */
  open(): Promise<void>;
}

/** Pulls pass until the `holdAt`-th, which waits for the test. */
async function holdPullsFrom(context: BrowserContext, holdAt: number): Promise<PullValve> {
  const cursors: string[] = [];
  let opened = false;
  const heldRoutes: Route[] = [];
  let markHeld = () => {};
  const held = new Promise<void>((resolve) => {
    markHeld = resolve;
  });
  await context.route(
    (url) => url.pathname === '/api/sync/pull',
    async (route: Route) => {
      cursors.push(new URL(route.request().url()).searchParams.get('cursor') ?? '0');
      if (!opened && cursors.length >= holdAt) {
        heldRoutes.push(route);
        markHeld();
        return;
      }
      await route.continue().catch(() => {});
    },
  );
  return {
    cursors,
    held,
    async dropHeld() {
      for (const route of heldRoutes.splice(0)) await route.abort('internetdisconnected').catch(() => {});
    },
    async open() {
      opened = true;
      for (const route of heldRoutes.splice(0)) await route.continue().catch(() => {});
    },
  };
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
    const pulls = await holdPullsFrom(profile.context, HOLD_AT_PULL);
    const { cursors } = pulls;

    await login(page, server.url, 'lea');
    await pulls.held;
    const progress = page.getByRole('progressbar');
    await progress.first().waitFor({ timeout: 20_000 });

    // Usable meanwhile: the case list opens while the notes still arrive (a pull is held).
    await page.getByRole('link', { name: 'Fälle' }).first().click();
    await page.getByText('Berger').first().waitFor();
    expect(await progress.count()).toBeGreaterThan(0);

    // Cut the connection in the middle of the held pull, for a moment.
    await profile.context.setOffline(true);
    await pulls.dropHeld();
    await page.getByText('Offline', { exact: true }).first().waitFor();
    const pullsBeforeCut = cursors.length;
    await pulls.open();
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
