// Two tabs of the same profile: a note written in one shows up in the other at
// once (same IndexedDB, live queries), and only one tab syncs at a time (Web
// Locks), so no mutation is pushed twice and pushes never overlap.
import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushRequest } from '../../src/shared/protocol';
import { notesOnServer } from './support/api';
import { gotoAndUnlock, login, openFirstCase, waitUntilSynced, writeNote } from './support/app';
import { firstPage, launchProfile } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const RUN = Date.now();
const NOTES = Array.from({ length: 3 }, (_, i) => `Zwei Tabs ${RUN} – Notiz ${i + 1}`);
/** Long enough that both tabs would surely push at the same time without a lock. */
const PUSH_DELAY_MS = 800;

interface SyncLog {
  /** Mutation ids of each push, with the tab that sent it. */
  pushes: { tab: string; ids: string[] }[];
  /** Sync requests (push and pull) per tab. */
  requests: Map<string, number>;
  inFlight: Map<string, number>;
  /** Times a tab sent a sync request while the other tab had one in flight. */
  overlaps: number;
}

/**
 * Watches every sync request of the profile: who sent it, which mutations it
 * pushed, and whether the other tab had one in flight at the time. Pushes are held
 * a moment, so that two unlocked tabs would surely overlap.
 */
async function watchSync(context: BrowserContext, tabOf: (page: Page) => string): Promise<SyncLog> {
  const log: SyncLog = { pushes: [], requests: new Map(), inFlight: new Map(), overlaps: 0 };
  await context.route(
    (url) => url.pathname.startsWith('/api/sync/'),
    async (route: Route) => {
      const request = route.request();
      const tab = tabOf(request.frame().page());
      log.requests.set(tab, (log.requests.get(tab) ?? 0) + 1);
      if ([...log.inFlight].some(([other, count]) => other !== tab && count > 0)) log.overlaps++;
      log.inFlight.set(tab, (log.inFlight.get(tab) ?? 0) + 1);
      try {
        if (request.method() === 'POST' && request.url().includes('/push')) {
          const { mutations } = PushRequest.parse(request.postDataJSON());
          log.pushes.push({ tab, ids: mutations.map((m) => m.id) });
          await new Promise((resolve) => setTimeout(resolve, PUSH_DELAY_MS));
        }
        await route.fulfill({ response: await route.fetch() });
      } finally {
        log.inFlight.set(tab, (log.inFlight.get(tab) ?? 1) - 1);
      }
    },
  );
  return log;
}

describe('two tabs of the same profile', () => {
  let server: RunningServer;
  let profile: { context: BrowserContext; dispose(): Promise<void> };
  let first: Page;
  let second: Page;

  beforeAll(async () => {
    server = await startServer();
    profile = await launchProfile();
    first = await firstPage(profile.context);
  });

  afterAll(async () => {
    await profile?.dispose();
    await server?.stop();
  });

  it('the second tab sees the first tab’s notes without reloading', async () => {
    await login(first, server.url, 'anna');
    await waitUntilSynced(first);
    second = await profile.context.newPage();
    // A new tab starts locked like any page load.
    await gotoAndUnlock(second, server.url);
    await openFirstCase(first);
    await openFirstCase(second);

    await profile.context.setOffline(true);
    for (const text of NOTES) {
      await writeNote(first, text);
      await expect.poll(() => second.getByText(text).count(), { timeout: 10_000 }).toBe(1);
    }
  });

  it('both tabs try to sync, one at a time pushes, and each mutation goes out once', async () => {
    const log = await watchSync(profile.context, (page) => (page === first ? 'first' : 'second'));
    await profile.context.setOffline(false);
    // Both tabs hear `online`; ask both by hand as well, at the same moment.
    await Promise.all([
      first.getByRole('button', { name: 'Jetzt synchronisieren' }).click(),
      second.getByRole('button', { name: 'Jetzt synchronisieren' }).click(),
    ]);
    await waitUntilSynced(first);
    await waitUntilSynced(second);
    // Both tabs sync (each pulls at least), one after the other. "Synchronisiert" does not
    // say that the second tab's turn is over: the first tab's push already emptied the
    // outbox both tabs read, so the second may still wait for the lock.
    const requestsOf = (tab: string) => log.requests.get(tab) ?? 0;
    await expect
      .poll(() => requestsOf('first') > 0 && requestsOf('second') > 0, { timeout: 20_000 })
      .toBe(true);
    await expect.poll(() => [...log.inFlight.values()].every((count) => count === 0)).toBe(true);

    const ids = log.pushes.flatMap((push) => push.ids);
    expect(ids).toHaveLength(NOTES.length);
    expect(new Set(ids).size).toBe(NOTES.length);
    expect(log.overlaps).toBe(0);
    const notes = await notesOnServer(server.url);
    expect(NOTES.map((text) => notes.filter((note) => note.text === text).length)).toEqual(
      NOTES.map(() => 1),
    );
  });
});
