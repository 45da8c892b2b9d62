// Steps through the app the way a person does.
import type { Page } from 'playwright-core';
import { USER_DB_PREFIX } from '../../../src/db/schema';

export const DEMO_PASSWORD = 'feldakte-demo';

export async function login(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('link', { name: 'Heute' }).first().waitFor({ timeout: 20_000 });
  await waitForServiceWorker(page);
}

/**
 * The lock screen after a reload, a new tab or a cold start: the password
 * opens the encrypted data on this device (offline too).
 */
export async function unlock(page: Page, password = DEMO_PASSWORD): Promise<void> {
  await page.getByRole('button', { name: 'Entsperren' }).waitFor({ timeout: 20_000 });
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Entsperren' }).click();
  await page.getByRole('link', { name: 'Heute' }).first().waitFor({ timeout: 20_000 });
}

/** Opens an address of the app in a fresh page load, which starts locked. */
export async function gotoAndUnlock(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await unlock(page);
}

/**
 * The service worker has installed the precache and controls this page: every
 * screen now opens offline, even those not loaded yet, without a reload.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
}

/** Opens the first case of the list (Fälle). */
export async function openFirstCase(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Fälle' }).first().click();
  await page.locator('main').getByRole('link').first().click();
  await page.getByRole('heading', { name: 'Verlauf' }).or(page.getByText('Verlauf')).first().waitFor();
}

/** Writes a note on the case that is open, and waits until the timeline shows it. */
export async function writeNote(page: Page, text: string): Promise<void> {
  await page
    .getByRole('button', { name: 'Neue Notiz' })
    .or(page.getByRole('link', { name: 'Neue Notiz' }))
    .click();
  await page.getByLabel('Notiz', { exact: true }).fill(text);
  await page.getByLabel('Dauer (Minuten)').fill('30');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByText(text).first().waitFor();
}

/** The header says "Synchronisiert …" and nothing waits any more. */
export async function waitUntilSynced(page: Page, timeout = 30_000): Promise<void> {
  await page
    .getByText(/^Synchronisiert/)
    .first()
    .waitFor({ timeout });
  await page
    .getByText(/nicht synchronisiert/)
    .first()
    .waitFor({ state: 'detached', timeout });
}

export interface StoreCount {
  /** Rows (matching the prefix, when given). */
  rows: number;
  /** Different values of the field among them: rows - distinct = duplicates. */
  distinct: number;
}

/**
 * Counts rows of one object store of the user's IndexedDB inside the page,
 * optionally only those whose `field` starts with `prefix`. A database that does
 * not exist yet counts 0 (and is not created by looking).
 */
export function countInUserDb(
  page: Page,
  userId: string,
  store: string,
  match: { field: string; prefix: string },
): Promise<StoreCount> {
  return page.evaluate(
    async ({ name, store, match }) => {
      const db = await new Promise<IDBDatabase | null>((resolve) => {
        const request = indexedDB.open(name);
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(null);
      });
      if (!db) return { rows: 0, distinct: 0 };
      try {
        if (!db.objectStoreNames.contains(store)) return { rows: 0, distinct: 0 };
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const values = all
          .map((row) => (row as Record<string, unknown>)[match.field])
          .filter((value): value is string => typeof value === 'string' && value.startsWith(match.prefix));
        return { rows: values.length, distinct: new Set(values).size };
      } finally {
        db.close();
      }
    },
    { name: `${USER_DB_PREFIX}${userId}`, store, match },
  );
}

/** Pending entries of the user's outbox, counted in the page. */
export async function countPendingInOutbox(page: Page, userId: string): Promise<number> {
  const { rows } = await countInUserDb(page, userId, 'outbox', { field: 'status', prefix: 'pending' });
  return rows;
}
