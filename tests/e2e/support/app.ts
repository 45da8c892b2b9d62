// Steps through the app the way a person does.
import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'feldakte-demo';

export async function login(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('link', { name: 'Heute' }).first().waitFor({ timeout: 20_000 });
}

/** The service worker has installed the precache and is active: the app now opens offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}
