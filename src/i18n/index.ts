// Languages of the app: German by default, English as the second; the choice is
// remembered on the device. The shell initialises i18next (src/app/i18n.ts).
import i18next from 'i18next';

export type { GermanTexts } from './de';
export { deShell } from './de-shell';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'feldakte-language';
let loadSecondLanguage: () => Promise<void> = async () => {};

export function storedLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'de';
}

/** The shell tells how to fetch the English resources, which are not in the first bundle. */
export function registerLanguageLoader(loader: () => Promise<void>): void {
  loadSecondLanguage = loader;
}

export async function changeLanguage(language: Language): Promise<void> {
  if (language === 'en') await loadSecondLanguage();
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
