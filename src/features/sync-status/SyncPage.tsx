import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/components';
import { useFormatters } from '../../ui/format';
import { useSyncState } from '../../ui/session';
import { AccountSection } from './AccountSection';
import { RejectedChanges } from './RejectedChanges';
import { useSyncHeadline } from './use-sync-headline';

export function SyncPage() {
  const { t } = useTranslation();
  const state = useSyncState();
  const headline = useSyncHeadline(state, useFormatters());

  return (
    <>
      <PageHeader title={t('sync.pageTitle')} />
      <section className="card" aria-labelledby="sync-status-title">
        <h2 id="sync-status-title">{t('sync.statusHeading')}</h2>
        <p>{headline.lines.join(' · ')}</p>
        {state.lastError && state.phase !== 'idle' && (
          <p className="muted">{t('sync.lastError', { message: state.lastError })}</p>
        )}
      </section>
      <RejectedChanges />
      <AccountSection />
    </>
  );
}
