// Accessibility of every screen (quality bar: WCAG 2.1 AA / BITV 2.0), in
// Debian's Chromium against the real server: anna (worker) and lea (lead), each on
// a phone and on a tablet. On each screen: an axe-core scan with no violation, and
// every visible control in <header>, <nav> and <main> at least 44×44 CSS px; the
// same for the login screen (first start, and after logout with its notice) and
// the lock screen (as it starts, after a wrong password, and after five). From
// the top, Tab reaches the skip link first, then the navigation, and whatever has
// focus shows it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, failUnlock, login, openInApp, unlock } from './support/app';
import { axeViolations, formatViolations } from './support/axe';
import { firstPage, launchProfile, PHONE, TABLET } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const MIN_TARGET = 44;

interface Screen {
  name: string;
  /** The path to open, or how to find it on the screen that is open (a link's href). */
  path: string | ((page: Page) => Promise<string>);
  leadOnly?: boolean;
  /** Only the author edits a note, and the lead writes none in the demo data. */
  workerOnly?: boolean;
  /** What to do on the screen before the scan (e.g. type a search term so results show). */
  prepare?: (page: Page) => Promise<void>;
}

/** The href of the first link in <main> matching `selector`, on the screen at `listPath`. */
function firstLinkOn(listPath: string, selector: string) {
  return async (page: Page): Promise<string> => {
    await openScreen(page, listPath);
    const link = page.locator(`main ${selector}`).first();
    await link.waitFor({ timeout: 15_000 });
    const href = await link.getAttribute('href');
    if (!href) throw new Error(`no link ${selector} on ${listPath}`);
    return href;
  };
}

let casePath = '';
const SCREENS: Screen[] = [
  { name: 'Heute', path: '/' },
  { name: 'Fälle', path: '/faelle' },
  {
    name: 'Fall',
    path: async (page) => {
      casePath = await firstLinkOn('/faelle', 'a[href^="/faelle/"]:not([href="/faelle/neu"])')(page);
      return casePath;
    },
  },
  { name: 'Neuer Fall', path: '/faelle/neu' },
  { name: 'Fall bearbeiten', path: async () => `${casePath}/bearbeiten` },
  { name: 'Fall abschließen', path: async () => `${casePath}/abschluss` },
  { name: 'Fälle (abgeschlossen)', path: '/faelle?status=abgeschlossen' },
  { name: 'Neue Notiz', path: async () => `${casePath}/notiz/neu` },
  {
    name: 'Neue Notiz (Hausbesuch)',
    path: async () => `${casePath}/notiz/neu`,
    prepare: async (page) => {
      await page.getByRole('radio', { name: 'Hausbesuch' }).first().check();
    },
  },
  {
    name: 'Notiz bearbeiten',
    workerOnly: true,
    path: async (page) => firstLinkOn(casePath, 'a[href*="/notiz/"]:not([href$="/notiz/neu"])')(page),
  },
  {
    name: 'Besuch dokumentieren',
    path: firstLinkOn('/', 'a[href^="/termine/"][href$="/notiz"]'),
  },
  { name: 'Termine', path: '/termine' },
  { name: 'Neuer Termin', path: '/termine/neu' },
  {
    name: 'Termin bearbeiten',
    path: firstLinkOn('/termine', 'a[href^="/termine/"]:not([href="/termine/neu"])'),
  },
  { name: 'Fall im Feld', path: '/fall-im-feld' },
  {
    name: 'Fall im Feld (Vermittlung)',
    path: '/fall-im-feld',
    prepare: async (page) => {
      await page
        .getByRole('button', { name: /An Partner vermitteln|Vermittlung ändern/ })
        .first()
        .click();
    },
  },
  { name: 'Netzwerkpartner', path: '/partner' },
  {
    name: 'Netzwerkpartner (Partner)',
    path: firstLinkOn('/partner', 'a[href^="/partner/"]:not([href="/partner/neu"])'),
  },
  { name: 'Neuer Partner', path: '/partner/neu', leadOnly: true },
  { name: 'Nicht gefunden', path: '/gibt-es-nicht' },
  { name: 'Neue Beratung', path: '/fall-im-feld/neu' },
  { name: 'Synchronisierung', path: '/sync' },
  { name: 'Konflikte', path: '/konflikte' },
  {
    name: 'Suche',
    path: '/suche',
    prepare: async (page) => {
      await page.getByLabel('Suchbegriff').fill('Berger');
      await page.locator('main [role="status"]').first().waitFor({ timeout: 15_000 });
    },
  },
  { name: 'Prüfen', path: '/pruefen', leadOnly: true },
  { name: 'Prüfen (Notiz)', path: firstLinkOn('/pruefen', 'a[href^="/pruefen/"]'), leadOnly: true },
  { name: 'Auslastung', path: '/auslastung', leadOnly: true },
  { name: 'Monatsbericht', path: '/bericht' },
  { name: 'Team & Zugänge', path: '/team', leadOnly: true },
  { name: 'Person hinzufügen', path: '/team/neu', leadOnly: true },
  { name: 'Team-Einstellungen', path: '/team/einstellungen', leadOnly: true },
];

let baseUrl = '';

/**
 * Opens a screen by its address inside the running app and waits until it has
 * rendered. Not a page load: that starts on the lock screen (whose <main> has
 * an <h1> too, and would be scanned in the screen's place).
 */
async function openScreen(page: Page, path: string): Promise<void> {
  await openInApp(page, path);
  await page.locator('main h1').first().waitFor({ timeout: 15_000 });
  await settle(page);
}

/** Lazy chunks and local data have arrived: no "Lädt …" placeholder, and a moment for transitions. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll('[aria-busy="true"], .loading').length === 0,
    null,
    {
      timeout: 15_000,
    },
  );
  await page.waitForTimeout(300);
}

/** Scans the screen that is open: axe violations and small targets are collected under `name`. */
async function scan(page: Page, name: string, violations: string[], smallOnes: string[]): Promise<void> {
  await settle(page);
  const found = await axeViolations(page);
  if (found.length > 0) violations.push(formatViolations(name, found));
  smallOnes.push(...(await smallTargets(page, name)));
}

/**
 * The screens around the session, after the signed-in ones: the lock screen of a
 * reload, with a wrong password, and after five wrong ones (an online login is
 * needed); the login screen after logout, with its notice. Ends signed in again.
 */
async function scanSessionScreens(
  page: Page,
  username: string,
  violations: string[],
  smallOnes: string[],
): Promise<void> {
  await page.reload();
  await page.getByRole('button', { name: 'Entsperren' }).waitFor({ timeout: 20_000 });
  await page.getByRole('heading', { name: 'Gesperrt', exact: true }).waitFor();
  await scan(page, 'Gesperrt', violations, smallOnes);
  await failUnlock(page, 1);
  await scan(page, 'Gesperrt (falsches Passwort)', violations, smallOnes);

  for (let attempt = 2; attempt <= 5; attempt++) await failUnlock(page, attempt);
  await scan(page, 'Gesperrt (Anmeldung mit Netz nötig)', violations, smallOnes);
  // Online, the right password still opens it (checked by the server).
  await unlock(page, DEMO_PASSWORD);

  await openScreen(page, '/sync');
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await page.getByText(/^Sie wurden abgemeldet\./).waitFor({ timeout: 20_000 });
  await scan(page, 'Abgemeldet', violations, smallOnes);
  await login(page, baseUrl, username);
}

/**
 * Visible links, buttons and form fields in <header>, <nav> and <main> smaller than
 * 44×44 CSS px. A checkbox or radio counts with its label when the label wraps it or
 * points at it with `for`: the whole label is the click target then.
 */
function smallTargets(page: Page, screen: string): Promise<string[]> {
  return page.evaluate(
    ({ min, screen }) => {
      const selector = ['header', 'nav', 'main']
        .flatMap((region) =>
          ['a[href]', 'button', 'input:not([type="hidden"])', 'select', 'textarea', '[role="button"]'].map(
            (control) => `${region} ${control}`,
          ),
        )
        .join(', ');
      const describe = (element: Element) => {
        const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
        const name = element.getAttribute('name') ?? element.getAttribute('type') ?? '';
        return `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''} "${text || name}"`;
      };
      const problems: string[] = [];
      for (const element of new Set(document.querySelectorAll(selector))) {
        const style = getComputedStyle(element);
        let box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
        if (
          element instanceof HTMLInputElement &&
          (element.type === 'checkbox' || element.type === 'radio')
        ) {
          const label = element.closest('label') ?? element.labels?.[0];
          if (label) box = label.getBoundingClientRect();
        }
        if (box.width < min - 0.5 || box.height < min - 0.5) {
          problems.push(
            `[${screen}] ${describe(element)}: ${Math.round(box.width)}×${Math.round(box.height)} px`,
          );
        }
      }
      return problems;
    },
    { min: MIN_TARGET, screen },
  );
}

interface Focused {
  tag: string;
  text: string;
  href: string | null;
  className: string;
  inNav: boolean;
  visibleFocus: boolean;
  focusStyle: string;
}

/** Presses Tab and describes what has focus now, and whether its focus shows. */
async function tab(page: Page): Promise<Focused | null> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      tag: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.getAttribute('type') ? `[type=${element.getAttribute('type')}]` : ''}`,
      text: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40),
      href: element.getAttribute('href'),
      className: String(element.className),
      inNav: element.closest('nav') !== null,
      visibleFocus: outline || shadow,
      focusStyle: `${style.outlineStyle} ${style.outlineWidth} / ${style.boxShadow}`,
    };
  });
}

/** Tabs through the whole screen from the top; returns the sequence, stopping when focus leaves the page. */
async function tabThrough(page: Page, limit = 80): Promise<Focused[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  // Start from the document itself, as after a page load.
  await page.locator('body').focus();
  const sequence: Focused[] = [];
  for (let i = 0; i < limit; i++) {
    const focused = await tab(page);
    if (!focused) break;
    if (
      sequence.length > 0 &&
      focused.href === sequence[0]?.href &&
      focused.className === sequence[0]?.className
    )
      break;
    sequence.push(focused);
  }
  return sequence;
}

const PROFILES = [
  { username: 'anna', role: 'worker', device: 'phone', viewport: PHONE },
  { username: 'anna', role: 'worker', device: 'tablet', viewport: TABLET },
  { username: 'lea', role: 'lead', device: 'phone', viewport: PHONE },
  { username: 'lea', role: 'lead', device: 'tablet', viewport: TABLET },
] as const;

/**
 * Opens `url` on the lock screen and unlocks, signing in first if this device
 * has no account yet, so a test does not lean on one that ran before it.
 */
async function gotoSignedIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  const loginButton = page.getByRole('button', { name: 'Anmelden', exact: true });
  const unlockButton = page.getByRole('button', { name: 'Entsperren', exact: true });
  await loginButton.or(unlockButton).first().waitFor({ timeout: 20_000 });
  if (await loginButton.isVisible()) {
    await login(page, baseUrl, username);
    await page.goto(url);
  }
  await unlock(page);
}

describe('accessibility: every screen, worker and lead, phone and tablet', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer();
    baseUrl = server.url;
  });

  afterAll(async () => {
    await server?.stop();
  });

  for (const profile of PROFILES) {
    describe(`${profile.username} (${profile.role}) on a ${profile.device}`, () => {
      let device: Awaited<ReturnType<typeof launchProfile>>;
      let page: Page;

      beforeAll(async () => {
        device = await launchProfile(profile.viewport);
        page = await firstPage(device.context);
      });

      afterAll(async () => {
        await device?.dispose();
      });

      it('scans every screen: axe-core, and touch targets of at least 44×44 px', async () => {
        const violations: string[] = [];
        const smallOnes: string[] = [];
        await page.goto(baseUrl);
        await page.getByLabel('Benutzername').waitFor();
        await settle(page);
        const onLogin = await axeViolations(page);
        if (onLogin.length > 0) violations.push(formatViolations('Anmelden', onLogin));
        smallOnes.push(...(await smallTargets(page, 'Anmelden')));

        await login(page, baseUrl, profile.username);
        for (const screen of SCREENS) {
          if (screen.leadOnly && profile.role !== 'lead') continue;
          if (screen.workerOnly && profile.role === 'lead') continue;
          const path = typeof screen.path === 'string' ? screen.path : await screen.path(page);
          await openScreen(page, path);
          if (screen.prepare) {
            await screen.prepare(page);
            await settle(page);
          }
          const found = await axeViolations(page);
          if (found.length > 0) violations.push(formatViolations(`${screen.name} ${path}`, found));
          smallOnes.push(...(await smallTargets(page, screen.name)));
        }
        await scanSessionScreens(page, profile.username, violations, smallOnes);
        // Collected first, so one run lists everything; both checks over the screens this test visited.
        expect.soft(violations.join('\n'), 'axe-core (WCAG 2.1 A/AA) violations').toBe('');
        expect.soft(smallOnes.join('\n'), 'controls smaller than 44×44 CSS px').toBe('');
      });

      it('Tab from the top reaches the skip link, then the navigation, and focus is visible', async () => {
        const problems: string[] = [];
        for (const path of ['/', '/termine/neu']) {
          if (path === '/') {
            // As the day starts: a page load, the lock screen, then Heute.
            await gotoSignedIn(page, new URL(path, baseUrl).href, profile.username);
            await page.locator('main h1').first().waitFor({ timeout: 15_000 });
            await settle(page);
          } else {
            await openScreen(page, path);
          }
          const sequence = await tabThrough(page);
          if (path === '/') {
            expect(sequence[0]?.className, 'first Tab stop').toContain('skip-link');
            const navIndex = sequence.findIndex((focused) => focused.inNav);
            const navStops = sequence.filter((focused) => focused.inNav).map((focused) => focused.text);
            expect(navIndex, 'navigation reached by Tab').toBeGreaterThan(0);
            // A phone's tab bar ends in "Mehr" (its menu closed); a tablet's rail lists every item.
            const main =
              profile.role === 'lead'
                ? ['Heute', 'Fälle', 'Termine', 'Prüfen']
                : ['Heute', 'Fälle', 'Termine', 'Fall im Feld'];
            const more =
              profile.role === 'lead'
                ? ['Fall im Feld', 'Auslastung', 'Monatsbericht', 'Netzwerkpartner', 'Team & Zugänge']
                : ['Monatsbericht', 'Netzwerkpartner'];
            expect(navStops).toEqual(profile.device === 'phone' ? [...main, 'Mehr'] : [...main, ...more]);
            // Between the skip link and the navigation only the header's own controls.
            expect(navIndex).toBeLessThanOrEqual(4);
          }
          for (const focused of sequence) {
            if (!focused.visibleFocus)
              problems.push(
                `${path}: ${focused.tag}.${focused.className} "${focused.text}" (${focused.focusStyle})`,
              );
          }
        }
        expect(problems.join('\n'), 'focused elements without a visible focus style').toBe('');
      });
    });
  }
});
