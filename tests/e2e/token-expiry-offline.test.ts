// The session runs out while the worker is offline. Back online, the server
// refuses the old token: the app keeps the unsynced note, asks only for the
// password, and then syncs as if nothing had happened. The test ends the session
// on the server itself, at the moment it chooses, instead of racing a short
// lifetime against how fast the machine logs in, syncs and writes.
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginResponse } from '../../src/shared/protocol';
import { createApiClient } from '../../src/sync';
import { notesOnServer } from './support/api';
import {
  countPendingInOutbox,
  DEMO_PASSWORD,
  login,
  openFirstCase,
  waitUntilSynced,
  writeNote,
} from './support/app';
import { firstPage, launchProfile } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const NOTE_TEXT = `Notiz bei abgelaufener Anmeldung (${Date.now()})`;

/** The session's access and refresh tokens are refused from now on, as once it ran out. */
async function endSessionOnServer(baseUrl: string, token: string): Promise<void> {
  const api = createApiClient({ baseUrl, deviceId: `e2e-${randomUUID()}`, getToken: () => token });
  await api.logout();
}

describe('token expiry while offline', () => {
  let server: RunningServer;
  let profile: { context: BrowserContext; dispose(): Promise<void> };
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    profile = await launchProfile();
    page = await firstPage(profile.context);
  });

  afterAll(async () => {
    await profile?.dispose();
    await server?.stop();
  });

  it('keeps the outbox, asks for the password on return, and syncs', async () => {
    const loginAnswer = page.waitForResponse('**/api/auth/login');
    await login(page, server.url, 'anna');
    const { token, user } = LoginResponse.parse(await (await loginAnswer).json());
    await waitUntilSynced(page);

    await profile.context.setOffline(true);
    await openFirstCase(page);
    await writeNote(page, NOTE_TEXT);
    await page.getByText('1 Änderung nicht synchronisiert').first().waitFor();

    await endSessionOnServer(server.url, token);
    await profile.context.setOffline(false);

    const relogin = page.getByRole('heading', { name: 'Bitte erneut anmelden' });
    await relogin.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByText('1 Änderung nicht synchronisiert').count()).toBeGreaterThan(0);
    expect(await countPendingInOutbox(page, user.id)).toBe(1);
    expect((await notesOnServer(server.url)).filter((note) => note.text === NOTE_TEXT)).toHaveLength(0);

    await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Erneut anmelden' }).click();
    await waitUntilSynced(page);
    await expect.poll(() => relogin.count()).toBe(0);
    expect(await countPendingInOutbox(page, user.id)).toBe(0);
    expect((await notesOnServer(server.url)).filter((note) => note.text === NOTE_TEXT)).toHaveLength(1);
  });
});
