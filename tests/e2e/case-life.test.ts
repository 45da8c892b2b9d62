// The life of a case in Debian's Chromium against the real server: lea (tablet)
// creates a case with its household while offline and changes its address; back
// online it reaches the server with the household persons' ids. anna (phone)
// gets it, asks to close it ("Abschluss beantragen"); lea sees the request and
// closes it ("Abschließen"); the closed case is read-only on the tablet.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../src/shared/records';
import { pullEverything, recordsOf, signIn } from './support/api';
import { login, openInApp, waitUntilSynced } from './support/app';
import { axeViolations, formatViolations } from './support/axe';
import { firstPage, launchProfile, TABLET } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const FAMILY = `Familie Sommer ${Date.now()}`;
const REFERENCE = `N-2026-${String(Date.now()).slice(-4)}`;

interface Profile {
  context: BrowserContext;
  dispose(): Promise<void>;
}

async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, formatViolations(screen, violations)).toEqual([]);
}

async function caseOnServer(baseUrl: string): Promise<CaseRecord | undefined> {
  const { api } = await signIn(baseUrl, 'lea');
  return recordsOf(await pullEverything(api), 'case').find((c) => c.reference === REFERENCE);
}

/** Asks for a sync now and waits until nothing is left to send. */
async function syncNow(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Jetzt synchronisieren' });
  if (await button.isVisible()) await button.click();
  await waitUntilSynced(page);
}

describe('the life of a case', () => {
  let server: RunningServer;
  let lea: Profile;
  let anna: Profile;
  let leaPage: Page;
  let annaPage: Page;

  beforeAll(async () => {
    server = await startServer();
    lea = await launchProfile(TABLET);
    anna = await launchProfile();
    leaPage = await firstPage(lea.context);
    annaPage = await firstPage(anna.context);
  });

  afterAll(async () => {
    await lea?.dispose();
    await anna?.dispose();
    await server?.stop();
  });

  it('lea creates a case with its household offline and changes its address', async () => {
    await login(leaPage, server.url, 'lea');
    await waitUntilSynced(leaPage);
    await lea.context.setOffline(true);
    await expect.poll(() => leaPage.getByText('Offline', { exact: true }).count()).toBeGreaterThan(0);

    await leaPage.getByRole('link', { name: 'Fälle' }).first().click();
    await leaPage.getByRole('link', { name: 'Neuer Fall' }).click();
    await leaPage.getByRole('heading', { name: 'Neuer Fall', level: 1 }).waitFor();
    await leaPage.getByLabel('Aktenzeichen').fill(REFERENCE);
    await leaPage.getByLabel('Familienname').fill(FAMILY);
    await leaPage.getByLabel('Adresse').fill('Birkenweg 4, 29459 Kirchwalde');
    await leaPage.getByLabel('Hilfeart').selectOption({ label: '§ 31 SPFH' });
    await leaPage.getByLabel('Kostenträger / Jugendamt').fill('Jugendamt Kirchwalde, ASD Nord');
    await leaPage.getByLabel('Ansprechperson beim Kostenträger').fill('Herr Brandt, 05841 120-44');
    await leaPage.getByLabel('Bewilligte Stunden pro Monat').fill('12,5');
    await leaPage.getByLabel('Zuständige Fachkraft').selectOption({ label: 'Anna Keller' });
    await leaPage.getByRole('button', { name: 'Jungen Menschen hinzufügen' }).click();
    await leaPage.getByLabel('Vorname').fill('Lena');
    await leaPage.getByLabel('Geburtsmonat und -jahr').fill('2014-03');
    await leaPage.getByLabel('Geschlecht').selectOption({ label: 'weiblich' });
    await leaPage.getByRole('button', { name: 'Sorgeberechtigte Person hinzufügen' }).click();
    await leaPage.getByLabel('Name', { exact: true }).fill('Katrin Sommer');
    await leaPage.getByLabel('Kontakt', { exact: true }).fill('0170 5556677');
    await expectNoAxeViolations(leaPage, 'Neuer Fall (lea, tablet)');
    await leaPage.getByRole('button', { name: 'Fall anlegen' }).click();

    await leaPage.getByRole('heading', { name: FAMILY, level: 1 }).waitFor();
    await leaPage.getByText('§ 31 SPFH').waitFor();
    await leaPage.getByText('Katrin Sommer').waitFor();
    await leaPage.getByText(/^Lena/).waitFor();

    await leaPage.getByRole('link', { name: 'Fall bearbeiten' }).click();
    await leaPage.getByRole('heading', { name: 'Fall bearbeiten', level: 1 }).waitFor();
    expect(await leaPage.getByLabel('Vorname').inputValue()).toBe('Lena');
    await leaPage.getByLabel('Adresse').fill('Am Anger 7, 29459 Kirchwalde');
    await expectNoAxeViolations(leaPage, 'Fall bearbeiten (lea, tablet)');
    await leaPage.getByRole('button', { name: 'Speichern' }).click();
    await leaPage.getByText('Am Anger 7, 29459 Kirchwalde').waitFor();
    expect(await caseOnServer(server.url)).toBeUndefined();
  });

  it('back online, the case reaches the server with its household persons and their ids', async () => {
    await lea.context.setOffline(false);
    await syncNow(leaPage);
    await expect
      .poll(async () => (await caseOnServer(server.url))?.address)
      .toBe('Am Anger 7, 29459 Kirchwalde');
    const stored = await caseOnServer(server.url);
    expect(stored).toMatchObject({
      familyName: FAMILY,
      helpKind: 'sgb8_31',
      approvedHoursPerMonth: 12.5,
      payer: 'Jugendamt Kirchwalde, ASD Nord',
      status: 'open',
    });
    expect(stored?.household.map((m) => m.kind)).toEqual(['young_person', 'guardian']);
    expect(stored?.household[0]).toMatchObject({
      firstName: 'Lena',
      birthMonth: '2014-03',
      gender: 'female',
    });
    expect(new Set(stored?.household.map((m) => m.id)).size).toBe(2);
  });

  it('anna asks to close the case; it waits for the lead', async () => {
    await login(annaPage, server.url, 'anna');
    await waitUntilSynced(annaPage);
    await annaPage.getByRole('link', { name: 'Fälle' }).first().click();
    await annaPage.getByRole('link', { name: new RegExp(FAMILY) }).click();
    await annaPage.getByRole('heading', { name: FAMILY, level: 1 }).waitFor();
    // The lead's fields are not a worker's to change.
    expect(await annaPage.getByRole('button', { name: 'Bewilligte Stunden ändern' }).count()).toBe(0);

    await annaPage.getByRole('link', { name: 'Fall abschließen' }).click();
    await annaPage.getByRole('heading', { name: 'Fall abschließen', level: 1 }).waitFor();
    await annaPage.getByRole('button', { name: 'Abschluss beantragen' }).click();
    // Without a reason the form says so and saves nothing.
    await annaPage.getByText('darf nicht leer sein').waitFor();
    await annaPage.getByLabel('Beendigungsgrund').selectOption({ label: 'Gemäß Hilfeplanzielen beendet' });
    await annaPage.getByLabel('Anschlusshilfe').fill('Erziehungsberatung');
    await annaPage.getByLabel('Abschlussvermerk').fill('Ziele des Hilfeplans erreicht.');
    await expectNoAxeViolations(annaPage, 'Fall abschließen (anna, phone)');
    await annaPage.getByRole('button', { name: 'Abschluss beantragen' }).click();

    await annaPage.getByRole('heading', { name: 'Abschluss beantragt', level: 2 }).waitFor();
    await annaPage.getByRole('button', { name: 'Antrag zurückziehen' }).waitFor();
    await syncNow(annaPage);
    await expect.poll(async () => (await caseOnServer(server.url))?.status).toBe('closure_requested');
  });

  it('lea sees the request and closes the case; it is read-only then', async () => {
    await syncNow(leaPage);
    await leaPage
      .getByRole('heading', { name: 'Abschluss beantragt', level: 2 })
      .waitFor({ timeout: 30_000 });
    await leaPage.getByRole('link', { name: 'Abschließen' }).click();
    await leaPage.getByRole('heading', { name: 'Fall abschließen', level: 1 }).waitFor();
    expect(await leaPage.getByLabel('Abschlussvermerk').inputValue()).toBe('Ziele des Hilfeplans erreicht.');
    await leaPage.getByRole('button', { name: 'Abschließen' }).click();

    await leaPage.getByRole('heading', { name: 'Abgeschlossen', level: 2 }).waitFor();
    expect(await leaPage.getByRole('link', { name: 'Neue Notiz' }).count()).toBe(0);
    expect(await leaPage.getByRole('link', { name: 'Fall bearbeiten' }).count()).toBe(0);
    await leaPage.getByRole('button', { name: 'Wieder öffnen' }).waitFor();
    await expectNoAxeViolations(leaPage, 'Abgeschlossener Fall (lea, tablet)');
    await syncNow(leaPage);
    await expect.poll(async () => (await caseOnServer(server.url))?.status).toBe('closed');
    expect(await caseOnServer(server.url)).toMatchObject({
      closingReason: 'goals_met',
      followUpHelp: 'Erziehungsberatung',
    });

    await openInApp(leaPage, '/faelle?status=abgeschlossen');
    await leaPage.getByRole('link', { name: new RegExp(FAMILY) }).waitFor();
  });
});
