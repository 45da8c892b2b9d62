import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { BackLink, PageHeader } from '../../ui/components';
import { todayIso } from '../../ui/format';
import { paths } from '../../ui/paths';
import { AppointmentForm } from './AppointmentForm';
import { useAppointmentWrites } from './use-appointments';

/** /termine/neu, optionally ?fall=<caseId> to preselect the case. */
export function NewAppointmentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { create } = useAppointmentWrites();
  const initial = {
    date: todayIso(),
    time: '09:00',
    durationMinutes: 60,
    caseId: params.get('fall') ?? '',
    place: '',
    kind: 'home_visit' as const,
  };

  return (
    <>
      <BackLink to={paths.appointments} label={t('app.back')} />
      <PageHeader title={t('appointments.newAppointment')} />
      <AppointmentForm
        initial={initial}
        onSubmit={async (fields) => {
          await create({ ...fields, status: 'planned' });
          navigate(paths.appointments, { replace: true });
        }}
      />
    </>
  );
}
