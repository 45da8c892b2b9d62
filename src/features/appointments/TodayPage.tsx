// Start page: what is coming up today and after, each opening its case.
import { useTranslation } from 'react-i18next';
import { EmptyState, Loading, PageHeader } from '../../ui/components/basics';
import { ButtonLink } from '../../ui/components/links';
import { todayIso } from '../../ui/format';
import { AgendaList } from './AgendaList';
import { useAgenda } from './use-appointments';

export function TodayPage() {
  const { t } = useTranslation();
  const items = useAgenda(todayIso(), false);

  return (
    <>
      <PageHeader title={t('today.title')} />
      {!items && <Loading label={t('app.loading')} />}
      {items?.length === 0 && (
        <div className="card">
          <EmptyState>{t('today.empty')}</EmptyState>
          <ButtonLink to="/termine/neu" variant="secondary">
            {t('today.newAppointment')}
          </ButtonLink>
        </div>
      )}
      {items && items.length > 0 && (
        <AgendaList items={items} linkTo={(appointment) => `/faelle/${appointment.caseId}`} />
      )}
    </>
  );
}
