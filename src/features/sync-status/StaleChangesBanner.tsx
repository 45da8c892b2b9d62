// Unsynced changes older than 24 hours are the ones a lost or wiped phone would
// take with it: a warning on every screen that does not block working.
import { useTranslation } from 'react-i18next';
import { isStale } from '../../db/infrastructure/storage';
import { useSyncState } from '../../ui/session';
import { useNow } from './use-now';

const MINUTE = 60_000;

export function StaleChangesBanner() {
  const { t } = useTranslation();
  const { oldestPendingAt, phase } = useSyncState();
  const now = useNow(MINUTE);
  // A password or an update is what stands in the way then; their own notices say so.
  const blocked = phase === 'unauthorized' || phase === 'upgrade_required';
  if (blocked || !isStale(oldestPendingAt, now)) return null;
  return (
    <div className="banner banner-warning" role="alert">
      <p>{t('sync.staleWarning')}</p>
    </div>
  );
}
