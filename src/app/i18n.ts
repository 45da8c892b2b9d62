// i18next for the app. The German texts of the login and the shell are bundled
// with the first screen, those of the signed-in screens come with them
// (screen-texts.ts); English, the second language, is its own chunk (precached
// by the service worker, so it loads offline too).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { deShell, registerLanguageLoader, storedLanguage } from '../i18n';

async function loadEnglish(): Promise<void> {
  if (i18next.hasResourceBundle('en', 'translation')) return;
  const { en } = await import('../i18n/en');
  i18next.addResourceBundle('en', 'translation', en);
}

export async function initI18n(): Promise<void> {
  const lng = storedLanguage();
  document.documentElement.lang = lng;
  registerLanguageLoader(loadEnglish);
  await i18next.use(initReactI18next).init({
    resources: { de: { translation: deShell } },
    lng: 'de',
    fallbackLng: 'de',
    interpolation: { escapeValue: false },
  });
  if (lng === 'en') {
    await loadEnglish();
    await i18next.changeLanguage('en');
  }
}
