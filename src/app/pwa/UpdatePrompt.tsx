import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { updateStore } from './update-store';

/** A non-blocking banner; the worker decides when to reload. */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const needRefresh = useSyncExternalStore(updateStore.subscribe, updateStore.getSnapshot);
  if (!needRefresh) return null;
  return (
    <aside className="update-banner" aria-label={t('update.label')}>
      <p role="status">{t('update.available')}</p>
      <div className="update-actions">
        <button type="button" className="button button-primary" onClick={() => void updateStore.apply()}>
          {t('update.now')}
        </button>
        <button type="button" className="button button-quiet" onClick={updateStore.dismiss}>
          {t('update.later')}
        </button>
      </div>
    </aside>
  );
}
