// The field worker's day, in Debian's Chromium against the real server, on a phone
// (390×844) and offline: anna opens Heute, documents a visit with the home-visit
// template, travel time and kilometres, closes the app mid-typing and finds her
// draft again, saves (the appointment is done), sees the billable time used
// against the approved hours on the case page, and once online the note and the
// appointment's change reach the server.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentRecord, NoteRecord } from '../../src/shared/records';
import { pullEverything, recordsOf, signIn } from './support/api';
import { gotoAndUnlock, login, readSealedRow, waitUntilSynced } from './support/app';
import { axeViolations } from './support/axe';
import { firstPage, launchProfile } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const STAMP = Date.now();
const OCCASION = `Regelmäßiger Hausbesuch (${STAMP})`;
const OBSERVATIONS = 'Wohnung aufgeräumt, die Kinder wirken ausgeschlafen.';
const TALKED_WITH = 'Mutter, älterer Sohn';
const AGREEMENTS = 'Mutter ruft die Kita wegen der Eingewöhnung an.';
const NEXT_STEPS_TYPED = 'Termin beim Kinder';
const NEXT_STEPS = 'Termin beim Kinderarzt vereinbaren';
const TRAVEL_MINUTES = 25;
const KILOMETRES = 18.5;

function hours(minutes: number): string {
  return (minutes / 60).toLocaleString('de-DE', { maximumFractionDigits: 2 });
}

/**
 * The draft stored under `key` in the user's IndexedDB, as the page wrote it:
 * the row is encrypted, so it is opened with the password (see readSealedRow).
 */
async function storedDraftValues(
  page: Page,
  userId: string,
  key: string,
): Promise<Record<string, unknown> | null> {
  const draft = await readSealedRow(page, userId, 'drafts', key);
  return (draft?.values as Record<string, unknown> | undefined) ?? null;
}

describe("field worker's day: visit → note from the visit → billable time on the case", () => {
  let server: RunningServer;
  let anna: { context: BrowserContext; dispose(): Promise<void> };
  let page: Page;
  let annaId: string;
  let appointment: AppointmentRecord;
  /** Direct + travel minutes of the case's notes this month on the server before the visit's note. */
  let minutesBefore = 0;
  /** The case's approved hours as the lead set them (a worker only reads them). */
  let approvedHours = 0;

  beforeAll(async () => {
    server = await startServer();
    anna = await launchProfile();
    page = await firstPage(anna.context);
    annaId = (await signIn(server.url, 'anna')).userId;
  });

  afterAll(async () => {
    await anna?.dispose();
    await server?.stop();
  });

  it('anna signs in on her phone, then goes offline', async () => {
    await login(page, server.url, 'anna');
    await waitUntilSynced(page);
    await anna.context.setOffline(true);
    await expect.poll(() => page.getByText('Offline', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('Heute lists a visit of today with its address and a route link, and passes axe', async () => {
    const visits = page.getByRole('region', { name: 'Besuche heute' });
    const firstVisit = visits.getByRole('article').first();
    await firstVisit.waitFor();
    const route = firstVisit.getByRole('link', { name: /^Route/ });
    expect(await route.getAttribute('href')).toMatch(/^https:\/\/www\.openstreetmap\.org\/search\?query=.+/);
    expect(await axeViolations(page)).toEqual([]);

    await firstVisit.getByRole('link', { name: 'Besuch dokumentieren' }).click();
    await page.getByRole('heading', { name: 'Besuch dokumentieren' }).waitFor();
    const appointmentId = /\/termine\/([^/]+)\/notiz/.exec(page.url())?.[1] ?? '';
    const { api } = await signIn(server.url, 'anna');
    const everything = await pullEverything(api);
    const found = recordsOf(everything, 'appointment').find((a) => a.id === appointmentId);
    if (!found) throw new Error(`appointment ${appointmentId} is not on the server`);
    appointment = found;
    approvedHours =
      recordsOf(everything, 'case').find((c) => c.id === found.caseId)?.approvedHoursPerMonth ?? 0;
    const month = appointment.date.slice(0, 7);
    minutesBefore = recordsOf(everything, 'note')
      .filter((note) => note.caseId === appointment.caseId && note.date.startsWith(month))
      .reduce((sum, note) => sum + note.durationMinutes + note.travelMinutes, 0);
  });

  it('the note starts from the visit: home-visit template, its duration, an autosaved draft', async () => {
    expect(appointment.kind).toBe('home_visit');
    expect(await page.getByRole('radio', { name: 'Hausbesuch' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Direktzeit – Dauer (Minuten)').inputValue()).toBe(
      String(appointment.durationMinutes),
    );
    await page.getByLabel('Anlass').fill(OCCASION);
    await page.getByLabel('Beobachtungen').fill(OBSERVATIONS);
    await page.getByLabel('Gespräch mit').fill(TALKED_WITH);
    await page.getByLabel('Vereinbarungen').fill(AGREEMENTS);
    await page.getByLabel('Fahrzeit (Minuten)').fill(String(TRAVEL_MINUTES));
    await page.getByLabel('Kilometer').fill(String(KILOMETRES));
    await page.getByLabel('Nächste Schritte').pressSequentially(NEXT_STEPS_TYPED);
    expect(await axeViolations(page)).toEqual([]);
    // The last keystroke is on the device before the app goes away.
    await expect
      .poll(() => storedDraftValues(page, annaId, `note:visit:${appointment.id}`))
      .toMatchObject({ nextSteps: NEXT_STEPS_TYPED, occasion: OCCASION, kilometres: KILOMETRES });
  });

  it('closing the app mid-typing and opening it again restores the draft, offline', async () => {
    const url = page.url();
    await page.close();
    page = await anna.context.newPage();
    // Reopened, the app is locked; the password opens it offline, on the form that was open.
    await gotoAndUnlock(page, url);
    await page.getByText(/^Entwurf vom .* wiederhergestellt\.$/).waitFor();
    expect(await page.getByLabel('Anlass').inputValue()).toBe(OCCASION);
    expect(await page.getByLabel('Nächste Schritte').inputValue()).toBe(NEXT_STEPS_TYPED);
    expect(await page.getByLabel('Fahrzeit (Minuten)').inputValue()).toBe(String(TRAVEL_MINUTES));
    expect(await page.getByRole('button', { name: 'Entwurf verwerfen' }).count()).toBe(1);
  });

  it('saving shows the note on the case, the visit is done and the draft is gone', async () => {
    await page.getByLabel('Nächste Schritte').fill(NEXT_STEPS);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { name: 'Verlauf' }).waitFor();
    const note = page.getByRole('article').filter({ hasText: OCCASION });
    await note.getByRole('heading', { name: 'Nächste Schritte' }).waitFor();
    await note.getByText(NEXT_STEPS).waitFor();
    expect(await storedDraftValues(page, annaId, `note:visit:${appointment.id}`)).toBeNull();

    await page.getByRole('link', { name: 'Termine' }).first().click();
    const row = page.locator(`#agenda-${appointment.id}`);
    await row.getByText('erledigt').waitFor();
    await page.getByRole('link', { name: 'Heute' }).first().click();
    const visit = page
      .getByRole('region', { name: 'Besuche heute' })
      .getByRole('article')
      .filter({
        has: page.locator(`a[href="/faelle/${appointment.caseId}"]`),
      });
    await visit.getByText('dokumentiert').first().waitFor();
  });

  it('the case page shows the billable time used this month against the approved hours', async () => {
    await gotoAndUnlock(page, `${server.url}/faelle/${appointment.caseId}`);
    const billing = page.getByRole('region', { name: /^Fachleistungsstunden/ });
    expect(approvedHours).toBeGreaterThan(0);
    const used = minutesBefore + appointment.durationMinutes + TRAVEL_MINUTES;
    const approved = approvedHours.toLocaleString('de-DE');
    await billing.getByText(`${hours(used)} von ${approved} Std. verbraucht`).waitFor();
    const meter = billing.getByRole('meter');
    expect(await meter.getAttribute('aria-valuetext')).toContain(`${hours(used)} von ${approved} Stunden`);
    // Approved hours are the lead's to change: a worker is not offered it.
    expect(await billing.getByRole('button', { name: 'Bewilligte Stunden ändern' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('online again, the note and the done appointment reach the server, the approved hours stay', async () => {
    await anna.context.setOffline(false);
    await waitUntilSynced(page);

    const { api } = await signIn(server.url, 'anna');
    const everything = await pullEverything(api);
    const note = recordsOf(everything, 'note').find((n: NoteRecord) => n.appointmentId === appointment.id);
    expect(note).toMatchObject({
      caseId: appointment.caseId,
      date: appointment.date,
      kind: appointment.kind,
      durationMinutes: appointment.durationMinutes,
      template: 'home_visit',
      occasion: OCCASION,
      observations: OBSERVATIONS,
      talkedWith: TALKED_WITH,
      agreements: AGREEMENTS,
      nextSteps: NEXT_STEPS,
      travelMinutes: TRAVEL_MINUTES,
      kilometres: KILOMETRES,
    });
    expect(recordsOf(everything, 'appointment').find((a) => a.id === appointment.id)?.status).toBe('done');
    expect(
      recordsOf(everything, 'case').find((c) => c.id === appointment.caseId)?.approvedHoursPerMonth,
    ).toBe(approvedHours);
  });
});
