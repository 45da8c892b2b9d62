import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink, EmptyState, Loading, PageHeader } from '../../ui/components';
import { todayIso } from '../../ui/format';
import { paths } from '../../ui/paths';
import { AgendaList } from './AgendaList';
import { useAgenda } from './use-appointments';

/** Every day that has ever been planned starts after this. */
const BEGINNING = '0000-01-01';

export function AppointmentsPage() {
  const { t } = useTranslation();
  const [showPast, setShowPast] = useState(false);
  const items = useAgenda(showPast ? BEGINNING : todayIso(), true);

  return (
    <>
      <PageHeader title={t('appointments.title')}>
        <ButtonLink to={paths.newAppointment}>{t('appointments.newAppointment')}</ButtonLink>
      </PageHeader>
      <div className="field field-checkbox">
        <input
          id="show-past"
          type="checkbox"
          checked={showPast}
          onChange={(event) => setShowPast(event.target.checked)}
        />
        <label htmlFor="show-past">{t('appointments.showPast')}</label>
      </div>
      {!items && <Loading label={t('app.loading')} />}
      {items?.length === 0 && <EmptyState>{t('appointments.empty')}</EmptyState>}
      {items && items.length > 0 && (
        <AgendaList
          items={items}
          linkTo={(appointment) => paths.appointment(appointment.id)}
          renderAction={(appointment, rowId) =>
            // A planned visit that has begun can be documented; done ones are listed under Heute until they are.
            appointment.status === 'planned' && appointment.date <= todayIso() ? (
              <ButtonLink to={paths.visitNote(appointment.id)} variant="secondary" aria-describedby={rowId}>
                {t('visit.document')}
              </ButtonLink>
            ) : null
          }
        />
      )}
    </>
  );
}
