// Network partners and the referral of a Fall im Feld, in Debian's Chromium against
// the real server: lea (tablet) adds a partner offline and syncs it; anna (phone)
// receives it, goes offline, finds it in the directory by typing, and closes a Fall
// im Feld with a referral to it; back online, both changes are on the server. A
// worker cannot add partners: no button on the device, and the server refuses it.
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnerRecord } from '../../src/shared/records';
import { pullEverything, recordsOf, signIn } from './support/api';
import { login, waitUntilSynced } from './support/app';
import { axeViolations, formatViolations } from './support/axe';
import { firstPage, launchProfile, TABLET } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const PARTNER = `Schuldnerberatung Fritzlar ${Date.now()}`;
const CONTACT = 'Frau Maier, Tel. 05622 998877, schuldner@diakonie.example';

interface Profile {
  context: BrowserContext;
  dispose(): Promise<void>;
}

/** The directory through the navigation: in the rail on a tablet, under "Mehr" on a phone. */
async function openDirectory(page: Page): Promise<void> {
  const link = page.getByRole('link', { name: 'Netzwerkpartner', exact: true });
  if (!(await link.isVisible())) await page.getByRole('button', { name: 'Mehr' }).click();
  await link.click();
  await page.getByRole('heading', { name: 'Netzwerkpartner', level: 1 }).waitFor();
}

async function goOffline(profile: Profile, page: Page): Promise<void> {
  await profile.context.setOffline(true);
  await expect.poll(() => page.getByText('Offline', { exact: true }).count()).toBeGreaterThan(0);
}

async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, formatViolations(screen, violations)).toEqual([]);
}

async function partnersOnServer(baseUrl: string, username: string): Promise<PartnerRecord[]> {
  const { api } = await signIn(baseUrl, username);
  return recordsOf(await pullEverything(api), 'partner');
}

describe('network partners and a referral, offline first', () => {
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

  it('lea adds a partner while offline; it waits on the tablet', async () => {
    await login(leaPage, server.url, 'lea');
    await waitUntilSynced(leaPage);
    await goOffline(lea, leaPage);

    await openDirectory(leaPage);
    await leaPage.getByRole('link', { name: 'Neuer Partner' }).click();
    await leaPage.getByLabel('Name').fill(PARTNER);
    await leaPage.getByLabel('Träger').fill('Diakonie Schwalm-Eder');
    await leaPage.getByLabel('Angebote').fill('Schuldner- und Insolvenzberatung, Hilfe bei Mietschulden');
    await leaPage.getByLabel('Kontakt').fill(CONTACT);
    await leaPage.getByLabel('Stadtteil / Ort').fill('Fritzlar');
    await expectNoAxeViolations(leaPage, 'Neuer Partner (lea, tablet)');
    await leaPage.getByRole('button', { name: 'Speichern' }).click();

    await leaPage.getByRole('heading', { name: PARTNER, level: 1 }).waitFor();
    await leaPage.getByText('noch nicht synchronisiert').first().waitFor();
    expect(await leaPage.getByRole('link', { name: 'Anrufen: 05622 998877' }).getAttribute('href')).toBe(
      'tel:05622998877',
    );
    expect(
      await leaPage.getByRole('link', { name: 'E-Mail an schuldner@diakonie.example' }).getAttribute('href'),
    ).toBe('mailto:schuldner@diakonie.example');
    await expectNoAxeViolations(leaPage, 'Partner (lea, tablet)');
    expect((await partnersOnServer(server.url, 'lea')).map((p) => p.name)).not.toContain(PARTNER);
  });

  it('back online, the partner reaches the server', async () => {
    await lea.context.setOffline(false);
    await waitUntilSynced(leaPage);
    await expect
      .poll(async () => (await partnersOnServer(server.url, 'lea')).map((p) => p.name))
      .toContain(PARTNER);
  });

  it('anna gets the directory, offline finds the partner by typing, and cannot edit it', async () => {
    await login(annaPage, server.url, 'anna');
    await waitUntilSynced(annaPage);
    await goOffline(anna, annaPage);

    await openDirectory(annaPage);
    expect(await annaPage.getByRole('link', { name: 'Neuer Partner' }).count()).toBe(0);
    await annaPage.getByLabel('Verzeichnis durchsuchen').fill('mietschulden fritzlar');
    await annaPage.getByText('1 Partner', { exact: true }).waitFor();
    await expectNoAxeViolations(annaPage, 'Netzwerkpartner (anna, phone)');
    await annaPage.getByRole('link', { name: new RegExp(PARTNER) }).click();
    await annaPage.getByRole('heading', { name: PARTNER, level: 1 }).waitFor();
    await annaPage.getByText(CONTACT).waitFor();
    expect(await annaPage.getByRole('link', { name: 'Bearbeiten' }).count()).toBe(0);
    expect(await annaPage.getByRole('button', { name: 'Partner löschen' }).count()).toBe(0);
  });

  it('anna closes her Fall im Feld with a referral to the partner, offline', async () => {
    await annaPage.getByRole('link', { name: 'Fall im Feld' }).first().click();
    const card = annaPage.getByRole('article').filter({ hasText: 'Frau Novak' });
    await card.getByRole('button', { name: /An Partner vermitteln|Vermittlung ändern/ }).click();
    await card.getByLabel('Partner suchen').fill('schuldner');
    await card.getByRole('radio', { name: new RegExp(PARTNER) }).check();
    await expectNoAxeViolations(annaPage, 'Vermittlung (anna, phone)');
    await card.getByRole('button', { name: 'Vermittlung speichern' }).click();

    await card.getByText('Vermittelt an').waitFor();
    await card.getByRole('link', { name: PARTNER }).waitFor();
    await card.getByText('Vermittlung an Partner').waitFor();
  });

  it('back online, the referral reaches the server', async () => {
    const partner = (await partnersOnServer(server.url, 'lea')).find((p) => p.name === PARTNER);
    await anna.context.setOffline(false);
    await waitUntilSynced(annaPage);

    const { api } = await signIn(server.url, 'anna');
    const consultations = recordsOf(await pullEverything(api), 'preConsultation');
    const novak = consultations.find((c) => c.contact.startsWith('Frau Novak'));
    expect(novak).toMatchObject({
      outcome: 'referral',
      referralPartnerId: partner?.id,
      convertedCaseId: null,
    });
  });

  it('the server refuses a partner written by a worker', async () => {
    const { api } = await signIn(server.url, 'anna');
    const response = await api.push({
      mutations: [
        {
          id: randomUUID(),
          entity: 'partner',
          op: 'create',
          recordId: randomUUID(),
          baseVersion: null,
          data: { name: 'Nicht erlaubt', organisation: '', services: '', contact: '', district: '' },
          clientTime: new Date().toISOString(),
        },
      ],
    });
    expect(response.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });
});
