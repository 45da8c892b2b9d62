// A real organisation from an empty database, in Debian's Chromium against the
// real server: the administrator sets the installation up with the code the
// server printed, invites a lead and a worker; each signs in with their code in
// their own browser profile; the lead creates a case on the tablet offline, the
// worker documents it and asks to close it, the lead closes it; a reset makes
// the old password fail, and blocking the worker wipes the worker's device.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForServiceWorker, waitUntilSynced, writeNote } from './support/app';
import { firstPage, launchProfile, PHONE, TABLET } from './support/browser';
import { databaseNames } from './support/device-protection';
import { type RunningServer, startServer } from './support/server';

const ADMIN_PASSWORD = 'Verwaltung sicher 2026';
const LEAD_PASSWORD = 'Leitung im Norden 77';
const WORKER_PASSWORD = 'Hausbesuch am Deich 5';
const WORKER_NEW_PASSWORD = 'Neues Passwort Deich 6';
const FAMILY = 'Familie Quast';

interface Profile {
  context: BrowserContext;
  page: Page;
  dispose(): Promise<void>;
}

async function openProfileAt(viewport: typeof PHONE): Promise<Profile> {
  const { context, dispose } = await launchProfile(viewport);
  return { context, page: await firstPage(context), dispose };
}

/** The set-up code the server printed at its first start. */
async function printedSetupCode(server: RunningServer): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const match = /Einrichtungscode: (\S+)/.exec(server.output());
    if (match?.[1]) return match[1];
    if (Date.now() > deadline) throw new Error(`no Einrichtungscode printed:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** "Jetzt synchronisieren" in the header, then wait until nothing waits. */
async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Jetzt synchronisieren' }).first().click();
  await waitUntilSynced(page);
}

async function openNav(page: Page, name: string): Promise<void> {
  const link = page.getByRole('link', { name, exact: true });
  if (!(await link.first().isVisible())) await page.getByRole('button', { name: 'Mehr' }).click();
  await link.first().click();
}

/** "Person hinzufügen" on Team & Zugänge; returns the invitation code the answer shows once. */
async function addPerson(
  page: Page,
  person: { name: string; username: string; role: string },
): Promise<string> {
  await openNav(page, 'Team & Zugänge');
  await page.getByRole('link', { name: 'Person hinzufügen' }).click();
  await page.getByLabel('Name', { exact: true }).fill(person.name);
  await page.getByLabel('Benutzername').fill(person.username);
  await page.getByLabel('Rolle').selectOption({ label: person.role });
  await page.getByRole('button', { name: 'Person hinzufügen' }).click();
  const code = page.getByRole('textbox', { name: 'Einladungscode' });
  await code.waitFor({ timeout: 20_000 });
  const value = await code.inputValue();
  expect(value.length).toBeGreaterThan(5);
  return value;
}

/** "Mit Einladungscode anmelden" on the login screen of a fresh profile. */
async function redeemCode(page: Page, url: string, username: string, code: string, password: string) {
  await page.goto(url);
  await page
    .getByRole('button', { name: 'Mit Einladungscode anmelden' })
    .or(page.getByRole('link', { name: 'Mit Einladungscode anmelden' }))
    .click();
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Einladungscode').fill(code);
  await page.getByLabel('Neues Passwort').fill(password);
  await page.getByLabel('Passwort wiederholen').fill(password);
  await page.getByRole('button', { name: 'Zugang einrichten' }).click();
  await page.getByRole('link', { name: 'Heute' }).first().waitFor({ timeout: 30_000 });
  await waitForServiceWorker(page);
}

async function loginAnswer(url: string, username: string, password: string): Promise<number> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-feldakte-device': `e2e-${crypto.randomUUID()}` },
    body: JSON.stringify({ username, password }),
  });
  return response.status;
}

describe('a real organisation from an empty database', () => {
  let server: RunningServer;
  const profiles: Profile[] = [];

  beforeAll(async () => {
    server = await startServer({ FELDAKTE_DEMO: '0' });
  });

  afterAll(async () => {
    for (const profile of profiles) await profile.dispose();
    await server?.stop();
  });

  it('sets up, invites, runs a case from intake to closure, resets and blocks', async () => {
    const code = await printedSetupCode(server);

    // The administrator on a tablet: "Einrichtung" is the first screen.
    const admin = await openProfileAt(TABLET);
    profiles.push(admin);
    await admin.page.goto(server.url);
    await admin.page.getByRole('heading', { name: 'Einrichtung' }).waitFor({ timeout: 20_000 });
    await admin.page.getByLabel('Einrichtungscode').fill(code);
    await admin.page.getByLabel('Name der Organisation').fill('Jugendhilfe am Deich e. V.');
    await admin.page.getByLabel('Name des Teams').fill('Team Deich');
    await admin.page.getByLabel('Ihr Name').fill('Ada Admin');
    await admin.page.getByLabel('Benutzername').fill('ada');
    await admin.page.getByLabel('Passwort').fill(ADMIN_PASSWORD);
    await admin.page.getByRole('button', { name: 'Einrichten' }).click();
    await admin.page.getByRole('link', { name: 'Team & Zugänge' }).first().waitFor({ timeout: 30_000 });

    const leadCode = await addPerson(admin.page, { name: 'Lea Lind', username: 'lea', role: 'Teamleitung' });
    const workerCode = await addPerson(admin.page, { name: 'Wim Wend', username: 'wim', role: 'Fachkraft' });

    // Each signs in with their code in their own browser profile.
    const lead = await openProfileAt(TABLET);
    profiles.push(lead);
    await redeemCode(lead.page, server.url, 'lea', leadCode, LEAD_PASSWORD);
    const worker = await openProfileAt(PHONE);
    profiles.push(worker);
    await redeemCode(worker.page, server.url, 'wim', workerCode, WORKER_PASSWORD);
    await syncNow(lead.page);

    // The lead takes on a case on the tablet while offline, then syncs.
    await lead.context.setOffline(true);
    await lead.page.getByText('Offline', { exact: true }).first().waitFor();
    await openNav(lead.page, 'Fälle');
    await lead.page
      .getByRole('link', { name: 'Neuer Fall' })
      .or(lead.page.getByRole('button', { name: 'Neuer Fall' }))
      .click();
    await lead.page.getByLabel('Aktenzeichen').fill('JA-2026-117');
    await lead.page.getByLabel('Familienname').fill(FAMILY);
    await lead.page.getByLabel('Zuständige Fachkraft').selectOption({ label: 'Wim Wend' });
    await lead.page.getByRole('button', { name: 'Fall anlegen' }).click();
    await lead.page.getByRole('heading', { name: FAMILY }).first().waitFor();
    await lead.context.setOffline(false);
    await syncNow(lead.page);

    // The worker sees it and writes a note, then asks to close it.
    await syncNow(worker.page);
    await openNav(worker.page, 'Fälle');
    await worker.page
      .getByRole('link', { name: new RegExp(FAMILY) })
      .first()
      .click();
    await writeNote(worker.page, 'Erstgespräch mit der Mutter, Hilfeplan besprochen.');
    await worker.page
      .getByRole('button', { name: 'Fall abschließen' })
      .or(worker.page.getByRole('link', { name: 'Fall abschließen' }))
      .click();
    await worker.page.getByLabel('Ende').fill(new Date().toISOString().slice(0, 10));
    await worker.page.getByLabel('Beendigungsgrund').selectOption({ label: 'Gemäß Hilfeplanzielen beendet' });
    await worker.page.getByRole('button', { name: 'Abschluss beantragen' }).click();
    await worker.page.getByText('Abschluss beantragt').first().waitFor();
    await syncNow(worker.page);

    // The lead confirms the closure.
    await syncNow(lead.page);
    await openNav(lead.page, 'Fälle');
    await lead.page
      .getByRole('link', { name: new RegExp(FAMILY) })
      .first()
      .click();
    await lead.page.getByText('Die Fachkraft hat den Abschluss beantragt.').waitFor();
    await lead.page.getByRole('link', { name: 'Abschließen' }).click();
    await lead.page.getByRole('button', { name: 'Abschließen' }).click();
    await lead.page.getByText('Dieser Fall ist abgeschlossen und kann nur noch gelesen werden.').waitFor();
    await syncNow(lead.page);

    // The lead resets the worker's password: the old one fails.
    expect(await loginAnswer(server.url, 'wim', WORKER_PASSWORD)).toBe(200);
    await openNav(lead.page, 'Team & Zugänge');
    await lead.page.getByRole('link', { name: /Wim Wend/ }).click();
    await lead.page.getByRole('button', { name: 'Passwort zurücksetzen' }).click();
    await lead.page.getByRole('dialog').getByRole('button', { name: 'Ja, zurücksetzen' }).click();
    const resetCode = await lead.page.getByRole('textbox', { name: 'Einladungscode' }).inputValue();
    expect(await loginAnswer(server.url, 'wim', WORKER_PASSWORD)).toBe(401);

    // The worker sets a new password with the code on their phone.
    await worker.page.goto(server.url);
    await redeemCodeOnLockedDevice(worker.page, 'wim', resetCode, WORKER_NEW_PASSWORD, WORKER_PASSWORD);
    expect(await loginAnswer(server.url, 'wim', WORKER_NEW_PASSWORD)).toBe(200);

    // Blocking the worker wipes the worker's device.
    const workerDbsBefore = await databaseNames(worker.page);
    expect(workerDbsBefore.some((name) => name.startsWith('feldakte-user-'))).toBe(true);
    await lead.page.getByRole('button', { name: 'Zugang sperren' }).click();
    await lead.page.getByRole('dialog').getByRole('button', { name: 'Ja, sperren' }).click();
    await lead.page.getByRole('button', { name: 'Zugang entsperren' }).waitFor();
    // The worker's app learns it at its next contact with the server.
    await worker.page.getByRole('button', { name: 'Jetzt synchronisieren' }).first().click();
    await worker.page
      .getByText(/gesperrt/)
      .first()
      .waitFor({ timeout: 30_000 });
    await expect
      .poll(async () =>
        (await databaseNames(worker.page)).filter((name) => name.startsWith('feldakte-user-')),
      )
      .toEqual([]);
    expect(await loginAnswer(server.url, 'wim', WORKER_NEW_PASSWORD)).toBe(401);
  });
});

/**
 * The locked app of a person whose password was reset: they use the code from
 * the login screen; the data on the device is kept (their previous password
 * re-wraps the data key, as after a password changed elsewhere).
 */
async function redeemCodeOnLockedDevice(
  page: Page,
  username: string,
  code: string,
  password: string,
  previousPassword: string,
): Promise<void> {
  await page.getByRole('button', { name: 'Andere Person anmelden' }).click({ timeout: 30_000 });
  await page
    .getByRole('button', { name: 'Mit Einladungscode anmelden' })
    .or(page.getByRole('link', { name: 'Mit Einladungscode anmelden' }))
    .click();
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Einladungscode').fill(code);
  await page.getByLabel('Neues Passwort').fill(password);
  await page.getByLabel('Passwort wiederholen').fill(password);
  await page.getByRole('button', { name: 'Zugang einrichten' }).click();
  // The password changed since the last login here: the previous one re-wraps this device's data key.
  const previous = page.getByLabel('Bisheriges Passwort');
  await previous
    .or(page.getByRole('link', { name: 'Heute' }).first())
    .first()
    .waitFor({ timeout: 30_000 });
  if (await previous.isVisible()) {
    await previous.fill(previousPassword);
    await page.getByRole('button', { name: 'Daten übernehmen' }).click();
  }
  await page.getByRole('link', { name: 'Heute' }).first().waitFor({ timeout: 30_000 });
}
