import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictView } from '../../db/repositories/conflicts';
import { sayError } from '../../ui/forms/say-message';
import { useResolveConflict } from './use-conflicts';

/** Resolving one conflict: busy while writing, and the reason if it failed. */
export function useResolution(view: ConflictView) {
  const { t } = useTranslation();
  const resolve = useResolveConflict();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function choose(value: unknown): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await resolve(view, value);
    } catch (failure) {
      setError(t('conflicts.failed', { message: sayError(t, failure) }));
    } finally {
      // On success the conflict has left the record, and this view goes with it.
      setBusy(false);
    }
  }

  return { busy, error, choose };
}
