// Steps through the app the way a person does.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const DEMO_PASSWORD = 'feldakte-demo';

export async function login(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect
    .poll(() => page.getByRole('link', { name: 'Heute' }).count(), { timeout: 20_000 })
    .toBeGreaterThan(0);
}

/** The service worker has installed the precache and is active: the app now opens offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}
