// Device protection in Debian's Chromium against the real server: the data at
// rest is encrypted and opens offline with the password only, the app locks by
// itself and on demand (in every tab), wrong passwords run out, logout and a
// lead's revocation wipe the device, and a shared tablet keeps each person's data
// apart. Each journey has its own browser profile; the server is shared.
import { rmSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../src/shared/records';
import { notesOnServer, pullEverything, recordsOf, signIn } from './support/api';
import {
  countPendingInOutbox,
  DEMO_PASSWORD,
  login,
  openFirstCase,
  unlock,
  waitUntilSynced,
  writeNote,
} from './support/app';
import { createProfileDir, firstPage, launchProfile, openProfile, TABLET } from './support/browser';
import {
  collectTokens,
  databaseNames,
  deviceIdOf,
  findInIndexedDb,
  lockForAnotherPerson,
  openSyncScreen,
  revokeDeviceAs,
  userDbName,
  waitForLockScreen,
} from './support/device-protection';
import { type RunningServer, startServer } from './support/server';

const RUN = Date.now();
const REVOKED_NOTICE = 'Der Zugang auf diesem Gerät wurde von der Teamleitung gesperrt.';
const SIGNED_OUT_NOTICE = 'Sie wurden abgemeldet.';

/** The case open in the page: its id from the address, its record as the server has it. */
async function openCase(page: Page, baseUrl: string, username: string): Promise<CaseRecord> {
  const caseId = new URL(page.url()).pathname.split('/')[2];
  const { api } = await signIn(baseUrl, username);
  const found = recordsOf(await pullEverything(api), 'case').find((record) => record.id === caseId);
  if (!found) throw new Error(`case ${caseId} not found on the server for ${username}`);
  return found;
}

/** The id of the note with `text`, from its edit link on the case's timeline. */
async function noteIdOf(page: Page, text: string): Promise<string> {
  const href = await page
    .locator('article', { hasText: text })
    .locator('a[href*="/notiz/"]')
    .first()
    .getAttribute('href');
  const id = href?.split('/notiz/')[1];
  if (!id) throw new Error(`no edit link for the note "${text}"`);
  return id;
}

async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await page.getByText('Offline', { exact: true }).first().waitFor();
}

describe('device protection', () => {
  let server: RunningServer;
  let annaId: string;
  let benId: string;

  beforeAll(async () => {
    server = await startServer();
    annaId = (await signIn(server.url, 'anna')).userId;
    benId = (await signIn(server.url, 'ben')).userId;
  });

  afterAll(async () => {
    await server?.stop();
  });

  /** anna signed in and synced in a fresh profile of her own, disposed when the journey ends. */
  async function withAnnaSignedIn(
    journey: (signedIn: { page: Page; context: BrowserContext }) => Promise<void>,
    options: { viewport?: typeof TABLET; beforeLoad?: (context: BrowserContext) => Promise<void> } = {},
  ): Promise<void> {
    const profile = await launchProfile(options.viewport);
    try {
      await options.beforeLoad?.(profile.context);
      const page = await firstPage(profile.context);
      await login(page, server.url, 'anna');
      await waitUntilSynced(page);
      await journey({ page, context: profile.context });
    } finally {
      await profile.dispose();
    }
  }

  it('cold start offline: the lock screen opens the pending note, and nothing personal lies readable in IndexedDB', async () => {
    const noteText = `Kaltstart ${RUN}: Vater berichtet von neuer Arbeitsstelle.`;
    const profileDir = createProfileDir();
    try {
      let context = await openProfile(profileDir);
      const tokens = collectTokens(context);
      let page = await firstPage(context);
      await login(page, server.url, 'anna');
      await waitUntilSynced(page);
      await goOffline(context, page);
      await openFirstCase(page);
      const familyCase = await openCase(page, server.url, 'anna');
      await writeNote(page, noteText);
      const noteId = await noteIdOf(page, noteText);
      await context.close();

      context = await openProfile(profileDir);
      await context.setOffline(true);
      page = await firstPage(context);
      await page.goto(server.url);
      await waitForLockScreen(page);
      await unlock(page);
      await page.getByRole('link', { name: 'Fälle' }).first().click();
      await page.locator('main').getByRole('link', { name: familyCase.familyName }).first().click();
      await page.getByText(noteText).first().waitFor();
      await page.getByText('1 Änderung nicht synchronisiert').first().waitFor();
      expect(await countPendingInOutbox(page, annaId)).toBe(1);

      // The login and any refresh on the wire handed out at least an access and a refresh token.
      expect(tokens.size).toBeGreaterThanOrEqual(2);
      const secrets = [noteText, familyCase.familyName, ...tokens];
      const found = await findInIndexedDb(page, [...secrets, noteId, familyCase.id]);
      // The scan reads the store: the ids, kept in the clear for the indexes, are there.
      expect(found).toContain(noteId);
      expect(found).toContain(familyCase.id);
      expect(found.filter((needle) => secrets.includes(needle))).toEqual([]);
      await context.close();
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  });

  it('locks by itself after the inactivity limit, not while there is input, and comes back to the draft', async () => {
    await withAnnaSignedIn(
      async ({ page }) => {
        await openFirstCase(page);
        await page
          .getByRole('button', { name: 'Neue Notiz' })
          .or(page.getByRole('link', { name: 'Neue Notiz' }))
          .click();
        const noteField = page.getByLabel('Notiz', { exact: true });
        const firstPart = `Entwurf ${RUN}: Gespräch mit der Mutter`;
        const draft = `${firstPart}, Termin beim Kinderarzt vereinbart.`;
        await noteField.fill(firstPart);
        const formUrl = page.url();

        // 6 minutes, input, 6 more: 12 minutes in all but never 10 without input (limit 10).
        await page.clock.fastForward('06:00');
        await noteField.fill(draft);
        await page.clock.fastForward('06:00');
        // A lock would follow the check at once (one IndexedDB read); give it a moment to show.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        expect(await page.getByRole('button', { name: 'Entsperren' }).count()).toBe(0);
        expect(await noteField.inputValue()).toBe(draft);

        // 11 minutes since the last input: the lock screen comes by itself.
        await page.clock.fastForward('05:00');
        await waitForLockScreen(page);
        expect(await page.getByLabel('Notiz', { exact: true }).count()).toBe(0);

        await unlock(page);
        expect(page.url()).toBe(formUrl);
        await expect.poll(() => page.getByLabel('Notiz', { exact: true }).inputValue()).toBe(draft);
      },
      {
        beforeLoad: async (context) => {
          // Fake timers from the first page load on, so minutes pass at once.
          await context.clock.install();
        },
      },
    );
  });

  it('"Jetzt sperren" in one tab locks the other tab of the profile too', async () => {
    await withAnnaSignedIn(async ({ page: first, context }) => {
      const second = await context.newPage();
      await second.goto(server.url);
      await unlock(second);

      await openSyncScreen(first);
      await first.getByRole('button', { name: 'Jetzt sperren' }).click();
      await waitForLockScreen(first);
      await waitForLockScreen(second);
      expect(await second.getByRole('link', { name: 'Heute' }).count()).toBe(0);
    });
  });

  it('five wrong passwords offline need an online login; the right one then works only with network', async () => {
    await withAnnaSignedIn(async ({ page, context }) => {
      await goOffline(context, page);
      await page.reload();
      await waitForLockScreen(page);

      for (let attempt = 1; attempt <= 5; attempt++) {
        await page.getByLabel('Passwort').fill(`falsch-${attempt}`);
        await page.getByRole('button', { name: 'Entsperren' }).click();
        const left = 5 - attempt;
        if (left > 0) {
          await page
            .getByText(`Das Passwort ist falsch. Noch ${left} ${left === 1 ? 'Versuch' : 'Versuche'}`)
            .waitFor();
        }
      }
      await page.getByText('Zum Entsperren ist jetzt eine Anmeldung mit Netz nötig').first().waitFor();

      await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Entsperren' }).click();
      await page
        .getByText('Keine Verbindung zum Server. Zum Entsperren ist jetzt eine Anmeldung mit Netz nötig.')
        .waitFor();
      expect(await page.getByRole('link', { name: 'Heute' }).count()).toBe(0);

      await context.setOffline(false);
      await unlock(page);
      await waitUntilSynced(page);
    });
  });

  it('logout asks about pending changes offline, keeps them when not confirmed, and online pushes them before wiping', async () => {
    const noteText = `Abmelden ${RUN}: Absprache mit der Schule getroffen.`;
    await withAnnaSignedIn(async ({ page, context }) => {
      await goOffline(context, page);
      await openFirstCase(page);
      const familyCase = await openCase(page, server.url, 'anna');
      await writeNote(page, noteText);

      await openSyncScreen(page);
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.getByText('Es gibt noch 1 nicht synchronisierte Änderungen.').waitFor();
      await page.getByRole('button', { name: 'Trotzdem abmelden und Daten löschen' }).waitFor();

      // Not confirming (leaving the screen) keeps the device as it was.
      await page.getByRole('link', { name: 'Fälle' }).first().click();
      await page.locator('main').getByRole('link', { name: familyCase.familyName }).first().click();
      await page.getByText(noteText).first().waitFor();
      expect(await databaseNames(page)).toContain(userDbName(annaId));
      expect(await countPendingInOutbox(page, annaId)).toBe(1);

      await openSyncScreen(page);
      await context.setOffline(false);
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.getByText(SIGNED_OUT_NOTICE).waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Anmelden' }).waitFor();

      const onServer = await notesOnServer(server.url);
      expect(onServer.filter((note) => note.text === noteText)).toHaveLength(1);
      expect(await databaseNames(page)).not.toContain(userDbName(annaId));
    });
  });

  it("a lead's revocation wipes the device at its next sync and refuses a new login there", async () => {
    const noteText = `Gesperrt ${RUN}: Diese Notiz erreicht den Server nie.`;
    await withAnnaSignedIn(async ({ page, context }) => {
      // Written offline, so that it is still on the device only when the revocation comes.
      await goOffline(context, page);
      await openFirstCase(page);
      await writeNote(page, noteText);
      expect(await countPendingInOutbox(page, annaId)).toBe(1);

      await revokeDeviceAs(server.url, 'lea', await deviceIdOf(page));
      await context.setOffline(false);
      // Coming online starts a sync by itself; the button asks for one in case it has not yet.
      await page
        .getByRole('button', { name: 'Jetzt synchronisieren' })
        .click({ timeout: 5_000 })
        .catch(() => {});
      await page.getByText(REVOKED_NOTICE).first().waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Anmelden' }).waitFor();
      await expect.poll(() => databaseNames(page)).not.toContain(userDbName(annaId));
      expect((await notesOnServer(server.url)).filter((note) => note.text === noteText)).toHaveLength(0);

      await page.getByLabel('Benutzername').fill('anna');
      await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByRole('alert').filter({ hasText: REVOKED_NOTICE }).waitFor();
      expect(await page.getByRole('link', { name: 'Heute' }).count()).toBe(0);
      expect(await databaseNames(page)).not.toContain(userDbName(annaId));
    });
  });

  it('a shared tablet keeps each person apart, and anna signs in again offline to her pending note', async () => {
    const noteText = `Tablet ${RUN}: Vertraulich${RUN} besprochen.`;
    await withAnnaSignedIn(
      async ({ page, context }) => {
        await goOffline(context, page);
        await openFirstCase(page);
        const annasCase = await openCase(page, server.url, 'anna');
        await writeNote(page, noteText);

        await lockForAnotherPerson(page);

        await context.setOffline(false);
        await login(page, server.url, 'ben');
        await waitUntilSynced(page);
        const bensCases = recordsOf(await pullEverything((await signIn(server.url, 'ben')).api), 'case');
        expect(bensCases.map((record) => record.id)).not.toContain(annasCase.id);
        await page.getByRole('link', { name: 'Fälle' }).first().click();
        await page
          .locator('main')
          .getByRole('link', { name: (bensCases[0] as CaseRecord).familyName })
          .first()
          .waitFor();
        expect(await page.locator('main').getByText(annasCase.familyName).count()).toBe(0);

        await page.getByRole('link', { name: 'Suchen', exact: true }).first().click();
        await page.getByLabel('Suchbegriff').fill(`Vertraulich${RUN}`);
        await page.getByText(`Nichts auf diesem Gerät passt zu „Vertraulich${RUN}“.`).waitFor();
        await page.getByLabel('Suchbegriff').fill(annasCase.familyName);
        await page
          .getByText(/Treffer$/)
          .or(page.getByText(/^Nichts auf diesem Gerät passt/))
          .first()
          .waitFor();
        expect(await page.locator('main').getByRole('link', { name: annasCase.familyName }).count()).toBe(0);

        await lockForAnotherPerson(page);

        await context.setOffline(true);
        await login(page, server.url, 'anna');
        await page.getByRole('link', { name: 'Fälle' }).first().click();
        await page.locator('main').getByRole('link', { name: annasCase.familyName }).first().click();
        await page.getByText(noteText).first().waitFor();
        await page.getByText('1 Änderung nicht synchronisiert').first().waitFor();
        expect(await countPendingInOutbox(page, annaId)).toBe(1);
        const names = await databaseNames(page);
        expect(names).toContain(userDbName(annaId));
        expect(names).toContain(userDbName(benId));
      },
      { viewport: TABLET },
    );
  });
});
