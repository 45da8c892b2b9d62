// "Synchronisierung": the sync status in full, open conflicts, rejected changes,
// this device's storage, and the account (language, logout, password, this device's name).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/components';
import { useFormatters } from '../../ui/format';
import { useSayMessage } from '../../ui/forms/say-message';
import { paths } from '../../ui/paths';
import { useSyncState } from '../../ui/session';
import { AccountSection } from './AccountSection';
import { ChangePasswordSection } from './ChangePasswordSection';
import { DeviceNameSection } from './DeviceNameSection';
import { RejectedChanges } from './RejectedChanges';
import { StorageSection } from './StorageSection';
import { useSyncHeadline } from './use-sync-headline';

export function SyncPage() {
  const { t } = useTranslation();
  const state = useSyncState();
  const format = useFormatters();
  const headline = useSyncHeadline(state, format);
  const say = useSayMessage();

  return (
    <>
      <PageHeader title={t('sync.pageTitle')} />
      <section className="card" aria-labelledby="sync-status-title">
        <h2 id="sync-status-title">{t('sync.statusHeading')}</h2>
        <p>{headline.lines.join(' · ')}</p>
        {state.oldestPendingAt && (
          <p className="muted">{t('sync.oldestPending', { date: format.dateTime(state.oldestPendingAt) })}</p>
        )}
        {state.live !== 'off' && <p className="muted">{t(`sync.live.${state.live}`)}</p>}
        {state.lastError && state.phase !== 'idle' && (
          <p className="muted">{t('sync.lastError', { message: say.refusal(state.lastError) })}</p>
        )}
        {state.conflictCount > 0 && (
          <p>
            <Link to={paths.conflicts}>{t('conflicts.link', { count: state.conflictCount })}</Link>
          </p>
        )}
      </section>
      <RejectedChanges />
      <StorageSection />
      <AccountSection />
      <ChangePasswordSection />
      <DeviceNameSection />
    </>
  );
}
