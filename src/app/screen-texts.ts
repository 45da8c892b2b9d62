// The German texts behind the login arrive in two steps, so each first screen
// carries only its own: the shell and start page texts with the signed-in app's
// chunk, the texts of every other screen with the first of those screens.
import i18next from 'i18next';
import { deScreens } from '../i18n/de-screens';

function add(texts: object): void {
  // A deep merge that never overwrites: groups may be split between the files.
  i18next.addResourceBundle('de', 'translation', texts, true, false);
}

/** Called when the signed-in app's chunk loads, before it renders. */
export function addScreenTexts(): void {
  add(deScreens);
}

let pageTexts: Promise<void> | null = null;

/** Loads the texts of the screens after the start page once; screens wait for it (router.tsx). */
export function loadPageTexts(): Promise<void> {
  pageTexts ??= import('../i18n/de-pages').then(
    ({ dePages }) => add(dePages),
    (error: unknown) => {
      // Offline before the service worker cached it: let the next screen try again.
      pageTexts = null;
      throw error;
    },
  );
  return pageTexts;
}
