// The server answered 426: this app version is too old to sync. Nothing waiting
// is lost (the outbox stays in IndexedDB); reloading brings the new version.
import { useTranslation } from 'react-i18next';
import { useSyncState } from '../../ui/session';

export function UpgradeBanner({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  const { phase, pendingCount } = useSyncState();
  if (phase !== 'upgrade_required') return null;
  return (
    <div className="banner banner-danger" role="alert">
      <p className="banner-title">{t('sync.upgradeNeeded')}</p>
      {pendingCount > 0 && <p>{t('sync.outboxKept', { count: pendingCount })}</p>}
      <button type="button" className="button button-primary" onClick={onReload}>
        {t('sync.reload')}
      </button>
    </div>
  );
}
