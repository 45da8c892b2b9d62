// Search on the device, in Debian's Chromium against the real server: anna goes
// offline, finds a demo family and a demo note, opens the note's case, writes a
// new note offline and finds it by a word from it. The header link on a tablet too.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, waitUntilSynced, writeNote } from './support/app';
import { firstPage, launchProfile, TABLET } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const NEW_WORD = `Kletterhallenbesuch${Date.now()}`;

async function search(page: Page, term: string): Promise<void> {
  await page.getByRole('link', { name: 'Suchen', exact: true }).click();
  await page.getByLabel('Suchbegriff').fill(term);
}

describe('search on the device', () => {
  let server: RunningServer;
  let anna: { context: BrowserContext; dispose(): Promise<void> };
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    anna = await launchProfile();
    page = await firstPage(anna.context);
  });

  afterAll(async () => {
    await anna?.dispose();
    await server?.stop();
  });

  it('anna logs in, syncs and goes offline', async () => {
    await login(page, server.url, 'anna');
    await waitUntilSynced(page);
    await anna.context.setOffline(true);
    await expect.poll(() => page.getByText('Offline', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('finds a family by its name typed without the special letter (Yıldız as yildiz)', async () => {
    await search(page, 'yildiz');
    const cases = page.getByRole('region', { name: 'Fälle' });
    await cases.getByRole('link').first().waitFor();
    expect(await cases.getByRole('link').first().textContent()).toContain('Yıldız');
    expect(new URL(page.url()).pathname).toBe('/suche');
  });

  it('finds a note by a word from it and opens its case', async () => {
    await page.getByLabel('Suchbegriff').fill('Ausbildungsplatz');
    const notes = page.getByRole('region', { name: 'Notizen' });
    const hit = notes.getByRole('link').first();
    await hit.waitFor();
    expect(await hit.textContent()).toContain('Wagner');
    expect(await hit.textContent()).toContain('Ausbildungsplatzsuche');

    await hit.click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/faelle\/[0-9a-f-]+$/);
    await page
      .getByText(/Thema Ausbildungsplatzsuche/)
      .first()
      .waitFor();
  });

  it('writes a new note offline and finds it by a word from it', async () => {
    const caseUrl = page.url();
    await writeNote(page, `Ausflug geplant: ${NEW_WORD} mit Jonas am Samstag.`);

    await search(page, NEW_WORD.slice(0, 14));
    const hit = page.getByRole('region', { name: 'Notizen' }).getByRole('link').first();
    await hit.waitFor();
    expect(await hit.textContent()).toContain(NEW_WORD);
    await hit.click();
    await expect.poll(() => page.url()).toBe(caseUrl);

    await search(page, 'ZuDiesemWortGibtEsNichts');
    await page.getByText('Nichts auf diesem Gerät passt zu „ZuDiesemWortGibtEsNichts“.').waitFor();
  });

  it("never shows one query's outcome under the next query", async () => {
    await page.getByLabel('Suchbegriff').fill('ZuDiesemWortGibtEsNichts');
    await page.getByText('Nichts auf diesem Gerät passt zu „ZuDiesemWortGibtEsNichts“.').waitFor();
    // Every text the result count shows, each frame, from here on.
    await page.evaluate(() => {
      const shown: string[] = [];
      (window as unknown as { shownCounts: string[] }).shownCounts = shown;
      new MutationObserver(() => {
        const count = document.querySelector('.search-count')?.textContent;
        if (count) shown.push(count);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });

    await page.getByLabel('Suchbegriff').fill('yildiz');
    await page.getByRole('region', { name: 'Fälle' }).getByRole('link').first().waitFor();

    const shown = await page.evaluate(() => (window as unknown as { shownCounts: string[] }).shownCounts);
    // Only "nothing fits" names the query: no frame may say it for yildiz.
    expect(shown.filter((text) => text.includes('yildiz'))).toEqual([]);
    expect(shown.at(-1)).toMatch(/Treffer$/);
  });

  it('has the search link in the header on a tablet as well', async () => {
    const lea = await launchProfile(TABLET);
    try {
      const leaPage = await firstPage(lea.context);
      await login(leaPage, server.url, 'lea');
      const link = leaPage.locator('header').getByRole('link', { name: 'Suchen', exact: true });
      await link.waitFor();
      await link.click();
      await leaPage.getByLabel('Suchbegriff').waitFor();
      expect(new URL(leaPage.url()).pathname).toBe('/suche');
    } finally {
      await lea.dispose();
    }
  });
});
