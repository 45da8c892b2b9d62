// Screenshots of every screen at phone and tablet size into docs/screenshots/,
// for people to look at (npm run screenshots; needs a built app).
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { login } from '../support/app';
import { launchProfile, PHONE, TABLET } from '../support/browser';
import { startServer } from '../support/server';

const OUT = 'docs/screenshots';

type Viewport = typeof PHONE;

async function shoot(page: Page, name: string, size: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/${name}-${size}.png` });
  console.log(`${OUT}/${name}-${size}.png`);
}

async function workerScreens(url: string, viewport: Viewport, size: string): Promise<void> {
  const profile = await launchProfile(viewport);
  try {
    const page = profile.context.pages()[0] ?? (await profile.context.newPage());
    await page.goto(url);
    await shoot(page, 'login', size);
    await login(page, url, 'anna');
    await page
      .getByText(/^Synchronisiert/)
      .first()
      .waitFor();
    await shoot(page, 'heute', size);
    await page.getByRole('link', { name: 'Fälle' }).click();
    await shoot(page, 'faelle', size);
    await page.locator('main').getByRole('link').first().click();
    await shoot(page, 'fall', size);
    await page
      .getByRole('button', { name: 'Neue Notiz' })
      .or(page.getByRole('link', { name: 'Neue Notiz' }))
      .click();
    await shoot(page, 'neue-notiz', size);
    await page.getByRole('link', { name: 'Termine' }).click();
    await shoot(page, 'termine', size);
    await page.getByRole('link', { name: 'Fall im Feld' }).click();
    await shoot(page, 'fall-im-feld', size);
    await page.goto(`${url}/suche`);
    await page.getByLabel('Suchbegriff').fill('Berger');
    await page.getByRole('heading', { name: 'Fälle' }).first().waitFor();
    await shoot(page, 'suche', size);
    await page.goto(`${url}/sync`);
    await shoot(page, 'synchronisierung', size);
    await profile.context.setOffline(true);
    await page.getByRole('link', { name: 'Heute' }).click();
    await shoot(page, 'heute-offline', size);
  } finally {
    await profile.dispose();
  }
}

async function leadScreens(url: string, viewport: Viewport, size: string): Promise<void> {
  const profile = await launchProfile(viewport);
  try {
    const page = profile.context.pages()[0] ?? (await profile.context.newPage());
    await login(page, url, 'lea');
    await page
      .getByText(/^Synchronisiert/)
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Prüfen' }).click();
    await shoot(page, 'pruefen', size);
    await page.locator('main').getByRole('link').first().click();
    await shoot(page, 'pruefen-notiz', size);
  } finally {
    await profile.dispose();
  }
}

const server = await startServer();
try {
  mkdirSync(OUT, { recursive: true });
  for (const [viewport, size] of [
    [PHONE, 'phone'],
    [TABLET, 'tablet'],
  ] as const) {
    await workerScreens(server.url, viewport, size);
    await leadScreens(server.url, viewport, size);
  }
} finally {
  await server.stop();
}
