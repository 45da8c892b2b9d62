import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sayError } from './say-message';

/**
 * Runs a save and keeps a failure as the message a FormError shows
 * ("Speichern fehlgeschlagen: …", the reason in the UI's language); a save
 * that succeeds clears it.
 * Resolves to whether the save succeeded.
 */
export function useSaveError() {
  const { t } = useTranslation();
  const [saveError, setSaveError] = useState<string | null>(null);

  async function save(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      setSaveError(null);
      return true;
    } catch (failure) {
      setSaveError(t('notes.saveFailed', { message: sayError(t, failure) }));
      return false;
    }
  }

  return { saveError, save };
}
