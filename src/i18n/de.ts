// German is the app's language. Its texts live in three parts, split by when they
// are needed: de-shell.ts before the login, de-screens.ts for the signed-in shell
// and start page, de-pages.ts for every other screen. Together they are the
// shape every translation must have.
import type { dePages } from './de-pages';
import type { deScreens } from './de-screens';
import type { deShell } from './de-shell';

export type GermanTexts = typeof deShell & typeof deScreens & typeof dePages;
