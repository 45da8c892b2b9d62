import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AppointmentRecord } from '../../shared/records';
import { BackLink, Badge, EmptyState, Loading, PageHeader } from '../../ui/components';
import { AppointmentForm } from './AppointmentForm';
import { useAppointment, useAppointmentWrites } from './use-appointments';

export function EditAppointmentPage({ appointmentId }: { appointmentId: string }) {
  const { t } = useTranslation();
  const appointment = useAppointment(appointmentId);

  return (
    <>
      <BackLink to="/termine" label={t('app.back')} />
      <PageHeader title={t('appointments.editTitle')}>
        {appointment?.status === 'cancelled' && <Badge tone="muted">{t('appointments.cancelled')}</Badge>}
      </PageHeader>
      {appointment === undefined && <Loading label={t('app.loading')} />}
      {appointment === null && <EmptyState>{t('appointments.notFound')}</EmptyState>}
      {appointment && <EditAppointment appointment={appointment} />}
    </>
  );
}

function EditAppointment({ appointment }: { appointment: AppointmentRecord }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { update, cancel } = useAppointmentWrites();
  const { id, caseId, date, time, durationMinutes, place, kind } = appointment;
  const cancelled = appointment.status === 'cancelled';

  return (
    <>
      <AppointmentForm
        key={appointment.id}
        initial={{ caseId, date, time, durationMinutes, place, kind }}
        extraCase={{ id: caseId, familyName: t('appointments.unknownCase') }}
        onSubmit={async (fields) => {
          await update(id, fields);
          navigate('/termine', { replace: true });
        }}
      />
      <div className="form-actions">
        {cancelled ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void update(id, { status: 'planned' })}
          >
            {t('appointments.replan')}
          </button>
        ) : (
          <button type="button" className="button button-danger" onClick={() => void cancel(id)}>
            {t('appointments.cancelAppointment')}
          </button>
        )}
      </div>
    </>
  );
}
