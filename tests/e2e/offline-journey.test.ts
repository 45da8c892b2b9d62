// The whole path once, in Debian's Chromium against the real server:
// anna records offline on her phone, reloads offline, syncs; lea reviews on a tablet.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoAndUnlock, login, unlock, waitForServiceWorker } from './support/app';
import { firstPage, launchProfile, TABLET } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const NOTE_TEXT = `Hausbesuch offline dokumentiert (${Date.now()}): Mutter berichtet von Fortschritten.`;
const PLACE = 'Jugendamt Außenstelle Nordheim';
const CONTACT = 'Frau Petersen (Nachbarin)';

describe('offline journey: record on the phone, sync, review on the tablet', () => {
  let server: RunningServer;
  let anna: { context: BrowserContext; dispose(): Promise<void> };
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    anna = await launchProfile();
    page = await firstPage(anna.context);
  });

  afterAll(async () => {
    await anna?.dispose();
    await server?.stop();
  });

  it('anna logs in online and the app becomes available offline', async () => {
    await login(page, server.url, 'anna');
    await waitForServiceWorker(page);
    await expect
      .poll(() => page.getByText(/^Synchronisiert/).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
  });

  it('creates a note, an appointment and a pre-consultation while offline', async () => {
    await anna.context.setOffline(true);
    await expect.poll(() => page.getByText('Offline', { exact: true }).count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Fälle' }).click();
    await page.locator('main .card-list').getByRole('link').first().click();
    // The case page stays mounted under the note form: the timeline it comes back to is this very element.
    await page
      .locator('.timeline-section')
      .evaluate((timeline) => timeline.setAttribute('data-before-form', ''));
    await page
      .getByRole('button', { name: 'Neue Notiz' })
      .or(page.getByRole('link', { name: 'Neue Notiz' }))
      .click();
    await page.getByLabel('Notiz', { exact: true }).fill(NOTE_TEXT);
    await page.getByLabel('Dauer (Minuten)').fill('45');
    await page.getByLabel('Hinweis auf Kindeswohlgefährdung (§ 8a)').check();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.getByText(NOTE_TEXT).count()).toBe(1);
    expect(await page.locator('.timeline-section[data-before-form]').getByText(NOTE_TEXT).isVisible()).toBe(
      true,
    );

    await page.getByRole('link', { name: 'Termine' }).click();
    await page
      .getByRole('button', { name: 'Neuer Termin' })
      .or(page.getByRole('link', { name: 'Neuer Termin' }))
      .click();
    await page.getByLabel('Uhrzeit').fill('15:30');
    await page.getByLabel('Ort').fill(PLACE);
    await page.getByLabel('Fall').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.getByText(PLACE).count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Fall im Feld' }).click();
    await page
      .getByRole('button', { name: 'Neue Beratung' })
      .or(page.getByRole('link', { name: 'Neue Beratung' }))
      .click();
    await page.getByLabel('Kontakt').fill(CONTACT);
    await page.getByLabel('Anliegen').fill('Sorge um Schulbesuch des Sohnes');
    await page.getByLabel('Beratung').fill('Hinweis auf Schulsozialarbeit gegeben');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.getByText(CONTACT).count()).toBeGreaterThan(0);

    await expect.poll(() => page.getByText('3 Änderungen nicht synchronisiert').count()).toBeGreaterThan(0);
  });

  it('reloads while offline: the service worker serves the app, the password unlocks it, and all three are there', async () => {
    await page.reload();
    await unlock(page);
    await expect.poll(() => page.getByText('Offline', { exact: true }).count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Fall im Feld' }).click();
    await expect.poll(() => page.getByText(CONTACT).count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Termine' }).click();
    await expect.poll(() => page.getByText(PLACE).count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Fälle' }).click();
    await page.locator('main .card-list').getByRole('link').first().click();
    await expect.poll(() => page.getByText(NOTE_TEXT).count()).toBe(1);
    // A deep link typed while offline opens too.
    const caseUrl = page.url();
    await gotoAndUnlock(page, caseUrl);
    expect(page.url()).toBe(caseUrl);
    await expect.poll(() => page.getByText(NOTE_TEXT).count()).toBe(1);
    await expect.poll(() => page.getByText('3 Änderungen nicht synchronisiert').count()).toBeGreaterThan(0);
  });

  it('goes online and the indicator reaches "Synchronisiert"', async () => {
    await anna.context.setOffline(false);
    await expect
      .poll(() => page.getByText(/^Synchronisiert/).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/nicht synchronisiert/).count()).toBe(0);
  });

  it("lea logs in on a tablet and finds anna's note under Prüfen", async () => {
    const lea = await launchProfile(TABLET);
    try {
      const leaPage = await firstPage(lea.context);
      await login(leaPage, server.url, 'lea');
      await expect
        .poll(() => leaPage.getByText(/^Synchronisiert/).count(), { timeout: 20_000 })
        .toBeGreaterThan(0);
      await leaPage.getByRole('link', { name: 'Prüfen', exact: true }).click();
      await expect.poll(() => leaPage.getByText(NOTE_TEXT).count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await leaPage.getByText(NOTE_TEXT).first().click();
      await leaPage.getByRole('button', { name: 'Geprüft' }).click();
      await expect.poll(() => leaPage.getByText(/Geprüft (von|am)/).count()).toBeGreaterThan(0);
    } finally {
      await lea.dispose();
    }
  });
});
