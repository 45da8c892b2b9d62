// Steps through the app the way a person does.
import type { Page } from 'playwright-core';
import { type Keyring, unlockKeyring } from '../../../src/crypto/data-key';
import { unseal } from '../../../src/crypto/sealed';
import { USER_DB_PREFIX } from '../../../src/db/infrastructure/schema';

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

/**
 * Wrong password number `attempt` in a row on the lock screen, waiting for its
 * answer: the tries left, or after the fifth that an online login is needed.
 */
export async function failUnlock(page: Page, attempt: number): Promise<void> {
  await page.getByLabel('Passwort').fill(`falsch-${attempt}`);
  await page.getByRole('button', { name: 'Entsperren' }).click();
  const left = 5 - attempt;
  const answer =
    left === 0
      ? page.getByText(/^Zum Entsperren ist jetzt eine Anmeldung mit Netz nötig/)
      : page.getByText(`Das Passwort ist falsch. Noch ${left} ${left === 1 ? 'Versuch' : 'Versuche'},`);
  await answer.first().waitFor({ timeout: 20_000 });
}

/** Opens an address of the app in a fresh page load, which starts locked. */
export async function gotoAndUnlock(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await unlock(page);
}

/**
 * Opens an address of the app without a page load, the way the app's own links
 * do (the router follows the history): a page load would start locked.
 */
export async function openInApp(page: Page, path: string): Promise<void> {
  const target = new URL(path, page.url());
  await page.evaluate((href) => {
    window.history.pushState(null, '', href);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, target.href);
  await page.waitForURL((url) => url.pathname === target.pathname && url.search === target.search);
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
  await page.locator('main .card-list').getByRole('link').first().click();
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
  /** Rows matching. */
  rows: number;
  /** Different values of the field among them: rows - distinct = duplicates. */
  distinct: number;
}

/**
 * Which rows count: those whose `field` starts with `prefix`, or is one of `among`.
 * The field must be readable in the raw store (primary key or an index of
 * src/db/infrastructure/schema.ts): every other property is sealed under `__sealed`.
 */
export type RowMatch = { field: string; prefix: string } | { field: string; among: readonly string[] };

/**
 * Counts rows of one object store of the user's IndexedDB inside the page, as
 * stored (encrypted). A database that does not exist yet counts 0 (and is not
 * created by looking); a field that is not in the clear throws rather than
 * counting 0.
 */
export function countInUserDb(
  page: Page,
  userId: string,
  store: string,
  match: RowMatch,
): Promise<StoreCount> {
  return page.evaluate(
    async ({ name, store, field, prefix, among }) => {
      const db = await new Promise<IDBDatabase | null>((resolve) => {
        const request = indexedDB.open(name);
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(null);
      });
      if (!db) return { rows: 0, distinct: 0 };
      try {
        if (!db.objectStoreNames.contains(store)) return { rows: 0, distinct: 0 };
        const objectStore = db.transaction(store, 'readonly').objectStore(store);
        const inClear = [
          objectStore.keyPath,
          ...[...objectStore.indexNames].map((i) => objectStore.index(i).keyPath),
        ]
          .flat()
          .map((path) => String(path).split('.')[0]);
        if (!inClear.includes(field))
          throw new Error(`${store}.${field} is sealed: it cannot be counted as stored`);
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = objectStore.getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const wanted = among ? new Set(among) : null;
        const values = all
          .map((row) => (row as Record<string, unknown>)[field])
          .filter(
            (value): value is string =>
              typeof value === 'string' && (wanted ? wanted.has(value) : value.startsWith(prefix ?? '')),
          );
        return { rows: values.length, distinct: new Set(values).size };
      } finally {
        db.close();
      }
    },
    {
      name: `${USER_DB_PREFIX}${userId}`,
      store,
      field: match.field,
      prefix: 'prefix' in match ? match.prefix : null,
      among: 'among' in match ? [...match.among] : null,
    },
  );
}

/** A stored row with its sealed part and the user's keyring, as bytes the page can hand over. */
interface RawSealedRow {
  row: Record<string, unknown>;
  iv: number[];
  ct: number[];
  keyring: { v: 1; kdf: 'PBKDF2-SHA-256'; iterations: number; salt: number[]; wrappedKey: number[] };
}

const dataKeys = new Map<string, Promise<CryptoKey>>();

/**
 * One row of the user's encrypted IndexedDB opened with the password, the way
 * someone holding the device and the password could: the keyring from the
 * device store, the data key unwrapped and the row's `__sealed` part decrypted
 * here in Node with the app's own crypto. Null when the row does not exist.
 * Only for stores keyed by an inbound key (not the outbox).
 */
export async function readSealedRow(
  page: Page,
  userId: string,
  store: string,
  key: string,
  password = DEMO_PASSWORD,
): Promise<Record<string, unknown> | null> {
  const raw = await page.evaluate(
    async ({ name, store, key, userId }): Promise<RawSealedRow | null> => {
      const open = (dbName: string) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(dbName);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const get = (db: IDBDatabase, storeName: string, id: string) =>
        new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
          const request = db.transaction(storeName, 'readonly').objectStore(storeName).get(id);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const bytes = (value: ArrayBuffer | Uint8Array) => [...new Uint8Array(value)];
      const userDb = await open(name);
      const deviceDb = await open('feldakte-device');
      try {
        const row = await get(userDb, store, key);
        if (!row) return null;
        const stored = await get(deviceDb, 'keyrings', userId);
        if (!stored) throw new Error(`no keyring for ${userId} on this device`);
        const keyring = stored.keyring as {
          v: 1;
          kdf: 'PBKDF2-SHA-256';
          iterations: number;
          salt: Uint8Array;
          wrappedKey: ArrayBuffer;
        };
        const { __sealed: sealed, ...inClear } = row as { __sealed?: { iv: Uint8Array; ct: ArrayBuffer } };
        if (!sealed) throw new Error(`${store} ${key} is stored in the clear`);
        return {
          row: inClear,
          iv: bytes(sealed.iv),
          ct: bytes(sealed.ct),
          keyring: { ...keyring, salt: bytes(keyring.salt), wrappedKey: bytes(keyring.wrappedKey) },
        };
      } finally {
        userDb.close();
        deviceDb.close();
      }
    },
    { name: `${USER_DB_PREFIX}${userId}`, store, key, userId },
  );
  if (!raw) return null;
  const keyring: Keyring = {
    ...raw.keyring,
    salt: new Uint8Array(raw.keyring.salt),
    wrappedKey: new Uint8Array(raw.keyring.wrappedKey).buffer,
  };
  // PBKDF2 with 600,000 iterations once per keyring, not on every poll.
  const cacheKey = `${raw.keyring.wrappedKey.join(',')}|${password}`;
  let dataKey = dataKeys.get(cacheKey);
  if (!dataKey) {
    dataKey = unlockKeyring(keyring, password);
    dataKeys.set(cacheKey, dataKey);
  }
  // The additional data binds the blob to its table and record (encryption.ts).
  const secret = (await unseal(
    await dataKey,
    { iv: new Uint8Array(raw.iv), ct: new Uint8Array(raw.ct).buffer },
    `${store}\u0000${JSON.stringify(key)}`,
  )) as Record<string, unknown>;
  return { ...secret, ...raw.row };
}

/** Pending entries of the user's outbox, counted in the page. */
export async function countPendingInOutbox(page: Page, userId: string): Promise<number> {
  const { rows } = await countInUserDb(page, userId, 'outbox', { field: 'status', prefix: 'pending' });
  return rows;
}
