import 'i18next';
import type { GermanTexts } from './de';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: GermanTexts };
  }
}
