// What the device-protection journeys look at beyond the screen: the raw
// IndexedDB of the page (as someone holding the phone's storage would read it),
// the device's id, the tokens the server hands out, and a lead's revocation.
import type { BrowserContext, Page } from 'playwright-core';
import { USER_DB_PREFIX } from '../../../src/db/infrastructure/schema';
import { DEVICE_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../src/shared/protocol';
import { DEMO_PASSWORD } from './app';

/**
 * Which of `needles` occur anywhere in the page's IndexedDB: every database the
 * browser lists, every object store, every primary key and value, walking strings,
 * arrays and nested objects. Nothing is decoded: binary data (a sealed blob) is
 * skipped, so only what lies there readable counts.
 */
export function findInIndexedDb(page: Page, needles: string[]): Promise<string[]> {
  return page.evaluate(async (wanted) => {
    const found = new Set<string>();
    const visit = (value: unknown, seen: Set<unknown>) => {
      if (typeof value === 'string') {
        for (const needle of wanted) if (value.includes(needle)) found.add(needle);
        return;
      }
      if (typeof value !== 'object' || value === null || seen.has(value)) return;
      if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Blob) return;
      seen.add(value);
      if (value instanceof Map) {
        for (const [k, v] of value) {
          visit(k, seen);
          visit(v, seen);
        }
        return;
      }
      const entries = Array.isArray(value) || value instanceof Set ? [...value] : Object.entries(value);
      for (const entry of entries) visit(entry, seen);
    };
    const request = <T>(req: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await request(indexedDB.open(name));
      try {
        for (const store of [...db.objectStoreNames]) {
          const objects = db.transaction(store, 'readonly').objectStore(store);
          const [keys, values] = await Promise.all([
            request(objects.getAllKeys()),
            request(objects.getAll()),
          ]);
          const seen = new Set<unknown>();
          visit(store, seen);
          for (const key of keys) visit(key, seen);
          for (const value of values) visit(value, seen);
        }
      } finally {
        db.close();
      }
    }
    return [...found];
  }, needles);
}

/** The names of the IndexedDB databases the browser holds for the page's origin. */
export function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).flatMap((db) => (db.name ? [db.name] : [])));
}

export function userDbName(userId: string): string {
  return `${USER_DB_PREFIX}${userId}`;
}

/** This browser profile's device id, as the app sends it with every request. */
export function deviceIdOf(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('feldakte-device');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const entry = await new Promise<{ value: string } | undefined>((resolve, reject) => {
        const get = db.transaction('device', 'readonly').objectStore('device').get('deviceId');
        get.onsuccess = () => resolve(get.result);
        get.onerror = () => reject(get.error);
      });
      if (!entry) throw new Error('this profile has no device id yet');
      return entry.value;
    } finally {
      db.close();
    }
  });
}

/**
 * Collects every access and refresh token the server hands to the profile
 * (login and each rotation by refresh), as they travel over the wire.
 */
export function collectTokens(context: BrowserContext): Set<string> {
  const tokens = new Set<string>();
  context.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (!response.ok() || (path !== '/api/auth/login' && path !== '/api/auth/refresh')) return;
    response
      .json()
      .then((body: { token?: unknown; refreshToken?: unknown }) => {
        if (typeof body.token === 'string') tokens.add(body.token);
        if (typeof body.refreshToken === 'string') tokens.add(body.refreshToken);
      })
      .catch(() => {});
  });
  return tokens;
}

/** The lead cuts off a device through the API (as the team's device list does). */
export async function revokeDeviceAs(baseUrl: string, leadUsername: string, deviceId: string): Promise<void> {
  const headers = {
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    [DEVICE_HEADER]: `e2e-lead-${Date.now()}`,
    'content-type': 'application/json',
  };
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ username: leadUsername, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`lead login failed: ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  const revoke = await fetch(`${baseUrl}/api/team/devices/${encodeURIComponent(deviceId)}/revoke`, {
    method: 'POST',
    headers: {
      [PROTOCOL_HEADER]: headers[PROTOCOL_HEADER],
      [DEVICE_HEADER]: headers[DEVICE_HEADER],
      authorization: `Bearer ${token}`,
    },
  });
  if (revoke.status !== 204) throw new Error(`revocation failed: ${revoke.status} ${await revoke.text()}`);
}

/** Opens "Synchronisierung und Konto" through the header, without a page load (which would lock). */
export async function openSyncScreen(page: Page): Promise<void> {
  await page.locator('a[href="/sync"]').first().click();
  await page.getByRole('button', { name: 'Jetzt sperren' }).waitFor();
}

/** The lock screen is showing. */
export async function waitForLockScreen(page: Page, timeout = 20_000): Promise<void> {
  await page.getByRole('heading', { name: 'Gesperrt', exact: true }).waitFor({ timeout });
}

/** "Jetzt sperren", then "Andere Person anmelden" on the lock screen: the login page for someone else. */
export async function lockForAnotherPerson(page: Page): Promise<void> {
  await openSyncScreen(page);
  await page.getByRole('button', { name: 'Jetzt sperren' }).click();
  await waitForLockScreen(page);
  await page.getByRole('button', { name: 'Andere Person anmelden' }).click();
  await page.getByRole('button', { name: 'Anmelden' }).waitFor();
}
