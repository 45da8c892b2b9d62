// Always in the header: is the device offline, how much is waiting, when did it
// last sync. The text links to the sync page (rejected changes, account).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../ui/components/icons';
import { useFormatters } from '../../ui/format';
import { paths } from '../../ui/paths';
import { useSession, useSyncState } from '../../ui/session';
import { useSyncHeadline } from './use-sync-headline';

export function SyncIndicator() {
  const { t } = useTranslation();
  const { engine } = useSession();
  const state = useSyncState();
  const headline = useSyncHeadline(state, useFormatters());
  const syncing = state.phase === 'syncing';

  return (
    <div className="sync-indicator">
      <Link to={paths.sync} className={`sync-status sync-${headline.tone}`} title={t('sync.accountLink')}>
        <span aria-live="polite" className="sync-lines">
          {headline.lines.map((line) => (
            <span key={line} className="sync-line">
              {line}
            </span>
          ))}
        </span>
        {state.rejectedCount > 0 && (
          <span className="badge badge-alert">{t('sync.rejected', { count: state.rejectedCount })}</span>
        )}
      </Link>
      <button
        type="button"
        className="button button-quiet sync-button"
        onClick={() => void engine.syncNow()}
        aria-busy={syncing}
      >
        <span className={syncing ? 'spin' : undefined}>
          <Icon name="sync" />
        </span>
        <span className="sync-button-label">{t('sync.syncNow')}</span>
      </button>
    </div>
  );
}
