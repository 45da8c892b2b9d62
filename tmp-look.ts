import type { Page } from 'playwright-core';
import { pullEverything, recordsOf, signIn } from './tests/e2e/support/api';
import { login, openInApp } from './tests/e2e/support/app';
import { firstPage, launchProfile, PHONE, TABLET } from './tests/e2e/support/browser';
import { startServer } from './tests/e2e/support/server';

const OUT = '/tmp/caseui-shots';
async function shoot(page: Page, name: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
  console.log(name);
}
async function visit(page: Page, path: string, name: string) {
  await openInApp(page, path);
  try {
    await page.locator('main h1, main h2').first().waitFor({ timeout: 8000 });
  } catch (e) {
    await shoot(page, `${name}-FAILED`);
    throw e;
  }
  await shoot(page, name);
}
const server = await startServer();
try {
  const anna = await signIn(server.url, 'anna');
  const cases = recordsOf(await pullEverything(anna.api), 'case').sort((a, b) => a.familyName.localeCompare(b.familyName));
  const caseId = cases[0]!.id;
  for (const [vp, size] of [[PHONE, 'phone'], [TABLET, 'tablet']] as const) {
    for (const user of ['anna', 'lea']) {
      const profile = await launchProfile(vp);
      const page = await firstPage(profile.context);
      page.on('console', (m) => { if (m.type() === 'error') console.log('CONSOLE', m.text()); });
      page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
      await login(page, server.url, user);
      await page.getByText(/^Synchronisiert/).first().waitFor();
      await shoot(page, `${user}-heute-${size}`);
      await visit(page, '/faelle', `${user}-faelle-${size}`);
      await visit(page, '/faelle/neu', `${user}-neu-${size}`);
      await page.getByRole('button', { name: 'Jungen Menschen hinzufügen' }).click();
      await page.getByRole('button', { name: 'Sorgeberechtigte Person hinzufügen' }).click();
      await page.getByRole('button', { name: 'Fall anlegen' }).click();
      await shoot(page, `${user}-neu-fehler-${size}`);
      await visit(page, `/faelle/${caseId}`, `${user}-fall-${size}`);
      await visit(page, `/faelle/${caseId}/bearbeiten`, `${user}-bearbeiten-${size}`);
      await visit(page, `/faelle/${caseId}/abschluss`, `${user}-abschluss-${size}`);
      if (user === 'lea') {
        await visit(page, '/auslastung', `${user}-auslastung-${size}`);
        await openInApp(page, `/faelle/${caseId}`);
        await page.getByRole('button', { name: 'Protokoll' }).click();
        await page.getByRole('table').waitFor();
        await shoot(page, `${user}-protokoll-${size}`);
      }
      await profile.dispose();
    }
  }
} finally {
  await server.stop();
}
