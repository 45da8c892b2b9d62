import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Runs a save and keeps a failure as the message a FormError shows
 * ("Speichern fehlgeschlagen: …"); a save that succeeds clears it.
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
      const message = failure instanceof Error ? failure.message : String(failure);
      setSaveError(t('notes.saveFailed', { message }));
      return false;
    }
  }

  return { saveError, save };
}
