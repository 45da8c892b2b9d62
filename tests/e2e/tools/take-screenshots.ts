// Screenshots of every screen at phone and tablet size into docs/screenshots/,
// for people to look at (npm run screenshots; needs a built app). Screens are
// opened by address inside the running app (a page load starts on the lock
// screen), with record ids looked up on the server, so one changed screen does
// not derail the rest. The session's own screens too: locked, locked after five
// wrong passwords, the login screen after logout and its invitation code.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { pullEverything, recordsOf, signIn } from '../support/api';
import { failUnlock, login, openInApp, unlock } from '../support/app';
import { firstPage, launchProfile, PHONE, TABLET } from '../support/browser';
import { startServer } from '../support/server';

const OUT = 'docs/screenshots';

type Viewport = typeof PHONE;

async function shoot(page: Page, name: string, size: string): Promise<void> {
  // Not 'networkidle': the live-events stream stays open as long as the app runs.
  await page.getByText('Lädt …').waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
  // The whole page, with the viewport stretched to it: a full-page capture would
  // paint the fixed tab bar in the middle of a long phone page.
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (viewport && height > viewport.height) await page.setViewportSize({ ...viewport, height });
  await page.screenshot({ path: `${OUT}/${name}-${size}.png` });
  if (viewport) await page.setViewportSize(viewport);
  console.log(`${OUT}/${name}-${size}.png`);
}

/** Opens an address inside the app and takes its picture. */
async function visit(page: Page, path: string, name: string, size: string) {
  await openInApp(page, path);
  await page.locator('main h1, main h2').first().waitFor();
  await shoot(page, name, size);
}

/** The records the screens are about, as the demo seed made them. */
async function demoIds(url: string) {
  const anna = await signIn(url, 'anna');
  const annas = await pullEverything(anna.api);
  const cases = recordsOf(annas, 'case').sort((a, b) => a.familyName.localeCompare(b.familyName));
  const notes = recordsOf(annas, 'note');
  const comments = recordsOf(annas, 'comment');
  const appointments = recordsOf(annas, 'appointment');
  const today = new Date().toISOString().slice(0, 10);
  const documented = new Set(notes.map((note) => note.appointmentId));
  const pastVisit = appointments.find(
    (a) => a.date < today && a.status !== 'cancelled' && !documented.has(a.id),
  );
  const commented = notes.find((note) => comments.some((comment) => comment.noteId === note.id));
  const partners = recordsOf(annas, 'partner');
  const lea = await signIn(url, 'lea');
  const leas = await pullEverything(lea.api);
  const concern = recordsOf(leas, 'note').find((note) => note.concern8a && !note.concernAcknowledgedAt);
  const firstCase = cases[0];
  if (!firstCase || !pastVisit || !commented || !partners[0] || !concern) {
    throw new Error('The demo seed lacks a record the screenshots need');
  }
  return {
    caseId: firstCase.id,
    commentedNote: commented,
    appointmentId: appointments[0]?.id ?? pastVisit.id,
    pastVisitId: pastVisit.id,
    partnerId: partners[0].id,
    concern,
  };
}

type Ids = Awaited<ReturnType<typeof demoIds>>;

async function workerScreens(url: string, ids: Ids, viewport: Viewport, size: string) {
  const profile = await launchProfile(viewport);
  try {
    const page = await firstPage(profile.context);
    await page.goto(url);
    await shoot(page, 'login', size);
    await login(page, url, 'anna');
    await page
      .getByText(/^Synchronisiert/)
      .first()
      .waitFor();
    await shoot(page, 'heute', size);
    if (viewport === PHONE) {
      await page.getByRole('button', { name: 'Mehr' }).click();
      await shoot(page, 'mehr-menue', size);
      await page.keyboard.press('Escape');
    }
    await visit(page, '/faelle', 'faelle', size);
    await visit(page, `/faelle/${ids.caseId}`, 'fall', size);
    await visit(page, '/faelle/neu', 'neuer-fall', size);
    await visit(page, `/faelle/${ids.caseId}/bearbeiten`, 'fall-bearbeiten', size);
    await visit(page, `/faelle/${ids.caseId}/abschluss`, 'fall-abschliessen', size);
    await visit(page, `/faelle/${ids.caseId}/notiz/neu`, 'neue-notiz', size);
    await page.getByRole('radio', { name: 'Hausbesuch' }).first().check();
    await shoot(page, 'neue-notiz-hausbesuch', size);
    const note = ids.commentedNote;
    await visit(page, `/faelle/${note.caseId}/notiz/${note.id}`, 'notiz-mit-kommentar', size);
    await visit(page, `/termine/${ids.pastVisitId}/notiz`, 'besuch-dokumentieren', size);
    await visit(page, '/termine', 'termine', size);
    await visit(page, `/termine/${ids.appointmentId}`, 'termin', size);
    await visit(page, '/termine/neu', 'neuer-termin', size);
    await visit(page, '/fall-im-feld', 'fall-im-feld', size);
    await page
      .getByRole('button', { name: /An Partner vermitteln|Vermittlung ändern/ })
      .first()
      .click();
    await shoot(page, 'fall-im-feld-vermittlung', size);
    // A fresh page (the referral form closed), unlocked again.
    await page.reload();
    await unlock(page);
    await page.getByRole('button', { name: 'In Fall umwandeln' }).first().click();
    await shoot(page, 'fall-im-feld-umwandeln', size);
    await visit(page, '/fall-im-feld/neu', 'neue-beratung', size);
    await openInApp(page, '/suche');
    await page.getByLabel('Suchbegriff').fill('Berger');
    await page.getByRole('heading', { name: 'Fälle' }).first().waitFor();
    await shoot(page, 'suche', size);
    await visit(page, '/partner', 'partner', size);
    await visit(page, `/partner/${ids.partnerId}`, 'partner-detail', size);
    await visit(page, '/bericht', 'bericht', size);
    await visit(page, '/sync', 'synchronisierung', size);
    await visit(page, '/konflikte', 'konflikte', size);
    await visit(page, '/gibt-es-nicht', 'nicht-gefunden', size);
    await sessionScreens(page, url, size);
  } finally {
    await profile.dispose();
  }
}

/**
 * The lock screen after a reload, and after five wrong passwords; Heute
 * offline (unlocked offline); the login screen after logout.
 */
async function sessionScreens(page: Page, url: string, size: string) {
  await page.reload();
  await page.getByRole('button', { name: 'Entsperren' }).waitFor();
  await shoot(page, 'gesperrt', size);
  for (let attempt = 1; attempt <= 5; attempt++) await failUnlock(page, attempt);
  await shoot(page, 'gesperrt-online-noetig', size);
  // Online, the server confirms the password and offline unlocking works again.
  await unlock(page);

  const context = page.context();
  await context.setOffline(true);
  await page.goto(`${url}/`).catch(() => undefined);
  await unlock(page);
  await page.getByRole('link', { name: 'Heute' }).first().click();
  await shoot(page, 'heute-offline', size);
  await context.setOffline(false);

  await openInApp(page, '/sync');
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await page.getByText(/^Sie wurden abgemeldet\./).waitFor({ timeout: 20_000 });
  await shoot(page, 'abgemeldet', size);
  await page.getByRole('link', { name: 'Mit Einladungscode anmelden' }).click();
  await page.getByRole('heading', { name: 'Mit Einladungscode anmelden' }).waitFor();
  await shoot(page, 'einladung', size);
}

async function leadScreens(url: string, ids: Ids, viewport: Viewport, size: string) {
  const profile = await launchProfile(viewport);
  try {
    const page = await firstPage(profile.context);
    await login(page, url, 'lea');
    await page
      .getByText(/^Synchronisiert/)
      .first()
      .waitFor();
    await page.getByRole('alert').first().waitFor();
    await shoot(page, 'heute-teamleitung', size);
    await visit(page, '/pruefen', 'pruefen', size);
    // Open on a tablet already, folded on a phone: open it either way.
    await page
      .locator('main details')
      .first()
      .evaluate((details) => {
        (details as HTMLDetailsElement).open = true;
      });
    await shoot(page, 'pruefen-filter', size);
    await visit(page, `/pruefen/${ids.concern.id}`, 'pruefen-notiz', size);
    await visit(page, `/faelle/${ids.concern.caseId}`, 'fall-teamleitung', size);
    await page.getByRole('button', { name: 'Protokoll' }).click();
    await page.getByRole('table').waitFor();
    await shoot(page, 'fall-protokoll', size);
    await visit(page, '/faelle/neu', 'neuer-fall-teamleitung', size);
    await page.getByRole('button', { name: 'Jungen Menschen hinzufügen' }).click();
    await page.getByRole('button', { name: 'Sorgeberechtigte Person hinzufügen' }).click();
    await shoot(page, 'neuer-fall-haushalt', size);
    await visit(page, `/faelle/${ids.concern.caseId}/bearbeiten`, 'fall-bearbeiten-teamleitung', size);
    await visit(page, '/faelle?status=abgeschlossen', 'faelle-abgeschlossen', size);
    await visit(page, '/auslastung', 'auslastung', size);
    await visit(page, '/bericht', 'bericht-teamleitung', size);
    await visit(page, '/partner/neu', 'partner-neu', size);
    await visit(page, `/partner/${ids.partnerId}/bearbeiten`, 'partner-bearbeiten', size);
    await visit(page, '/team', 'team-zugaenge', size);
    await visit(page, '/team/neu', 'person-hinzufuegen', size);
    await visit(page, '/team/einstellungen', 'team-einstellungen', size);
  } finally {
    await profile.dispose();
  }
}

const server = await startServer();
try {
  mkdirSync(OUT, { recursive: true });
  const ids = await demoIds(server.url);
  for (const [viewport, size] of [
    [PHONE, 'phone'],
    [TABLET, 'tablet'],
  ] as const) {
    await workerScreens(server.url, ids, viewport, size);
    await leadScreens(server.url, ids, viewport, size);
  }
} finally {
  await server.stop();
}
