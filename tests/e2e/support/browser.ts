// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // German browser UI, so date and time pickers look as on a worker's phone.
  '--lang=de-DE',
];

export const PHONE = { width: 390, height: 844 };
export const TABLET = { width: 1024, height: 768 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * The browsers' time zone is this machine's, as a district's phones share one
 * with its server: "today" on a screen is then the day the server and the test
 * process seeded as today, at any hour.
 */
const BROWSER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A fresh, empty browser profile directory. */
export function createProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'feldakte-profile-'));
}

/** Opens the browser on a profile directory; opening the same directory again finds its storage. */
export function openProfile(userDataDir: string, viewport = PHONE): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport,
    locale: 'de-DE',
    timezoneId: BROWSER_TIME_ZONE,
  });
}

/** A browser profile on disk, like an installed app that keeps its storage across restarts. */
export async function launchProfile(
  viewport = PHONE,
): Promise<{ context: BrowserContext; dispose(): Promise<void> }> {
  const userDataDir = createProfileDir();
  const context = await openProfile(userDataDir, viewport);
  return {
    context,
    async dispose() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The context's first page (a persistent context opens with one). */
export async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}
