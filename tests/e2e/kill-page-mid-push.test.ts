// The browser dies while a push is in flight: the server has applied the notes,
// but the answer never reaches the page. Reopened on the same profile, the app
// sends the same mutations again; the server recognises them, so every note
// exists exactly once and nothing is left waiting on the device.
import { rmSync } from 'node:fs';
import type { BrowserContext, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushResponse } from '../../src/shared/protocol';
import { notesOnServer, signIn } from './support/api';
import {
  countPendingInOutbox,
  gotoAndUnlock,
  login,
  openFirstCase,
  waitUntilSynced,
  writeNote,
} from './support/app';
import { createProfileDir, firstPage, openProfile } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const RUN = Date.now();
const NOTES = Array.from({ length: 4 }, (_, i) => `Abgebrochener Push ${RUN} – Notiz ${i + 1}`);

describe('killing the page while a push is in flight', () => {
  let server: RunningServer;
  let profileDir: string;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    server = await startServer();
    profileDir = createProfileDir();
  });

  afterAll(async () => {
    await context?.close();
    rmSync(profileDir, { recursive: true, force: true });
    await server?.stop();
  });

  it('loses nothing and duplicates nothing', async () => {
    context = await openProfile(profileDir);
    const page = await firstPage(context);
    await login(page, server.url, 'anna');
    await waitUntilSynced(page);

    await context.setOffline(true);
    await openFirstCase(page);
    for (const text of NOTES) await writeNote(page, text);
    await page.getByText(`${NOTES.length} Änderungen nicht synchronisiert`).first().waitFor();

    // The push reaches the server and is answered, but the answer is held back
    // from the page until the browser is gone.
    let pushedToServer!: () => void;
    const pushCommitted = new Promise<void>((resolve) => {
      pushedToServer = resolve;
    });
    let release!: () => void;
    const browserGone = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/sync/push', async (route: Route) => {
      const response = await route.fetch();
      pushedToServer();
      await browserGone;
      await route.fulfill({ response }).catch(() => {});
    });
    await context.setOffline(false);
    await pushCommitted;
    expect(await countTexts(server.url, NOTES)).toEqual(NOTES.map(() => 1));
    await context.close();
    release();

    context = await openProfile(profileDir);
    const reopened = await firstPage(context);
    const answers: string[] = [];
    reopened.on('response', async (response) => {
      if (!response.url().includes('/api/sync/push') || !response.ok()) return;
      const body = PushResponse.parse(await response.json());
      answers.push(...body.results.map((result) => result.status));
    });
    // The reopened app starts locked: nothing is sent before the password opens the data.
    await gotoAndUnlock(reopened, server.url);
    await waitUntilSynced(reopened);
    // The same mutation ids went out again, and the server knew them all.
    await expect.poll(() => answers).toEqual(NOTES.map(() => 'duplicate'));
    const { userId } = await signIn(server.url, 'anna');
    await expect.poll(() => countPendingInOutbox(reopened, userId)).toBe(0);
    expect(await countTexts(server.url, NOTES)).toEqual(NOTES.map(() => 1));
  });
});

/** How often each text occurs among the notes on the server. */
async function countTexts(baseUrl: string, texts: readonly string[]): Promise<number[]> {
  const notes = await notesOnServer(baseUrl);
  return texts.map((text) => notes.filter((note) => note.text === text).length);
}
