import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AppointmentRecord } from '../../shared/records';
import {
  BackLink,
  Badge,
  ButtonLink,
  ConflictBadge,
  EmptyState,
  Loading,
  PageHeader,
} from '../../ui/components';
import { DeleteButton } from '../../ui/components/DeleteButton';
import { changedFields } from '../../ui/forms/changed-fields';
import { paths } from '../../ui/paths';
import { AppointmentForm } from './AppointmentForm';
import { useAppointment, useAppointmentWrites, useNoteOfAppointment } from './use-appointments';
import './visits.css';

interface EditAppointmentPageProps {
  appointmentId: string;
  /** The inline conflict resolver, from the route. */
  renderConflicts?: (appointment: AppointmentRecord) => ReactNode;
}

export function EditAppointmentPage({ appointmentId, renderConflicts }: EditAppointmentPageProps) {
  const { t } = useTranslation();
  const appointment = useAppointment(appointmentId);

  return (
    <>
      <BackLink to={paths.appointments} label={t('app.back')} />
      <PageHeader title={t('appointments.editTitle')}>
        {appointment?.status === 'cancelled' && <Badge tone="muted">{t('appointments.cancelled')}</Badge>}
        {appointment?.status === 'done' && <Badge tone="success">{t('today.done')}</Badge>}
        {appointment && <ConflictBadge record={appointment} />}
      </PageHeader>
      {appointment === undefined && <Loading label={t('app.loading')} />}
      {appointment === null && <EmptyState>{t('appointments.notFound')}</EmptyState>}
      {appointment && renderConflicts?.(appointment)}
      {appointment && <VisitNoteLink appointmentId={appointment.id} />}
      {appointment && <EditAppointment appointment={appointment} />}
    </>
  );
}

/** "Besuch dokumentieren", or the way to the note once one documents the visit. */
function VisitNoteLink({ appointmentId }: { appointmentId: string }) {
  const { t } = useTranslation();
  const note = useNoteOfAppointment(appointmentId);
  if (note === undefined) return null;
  return (
    <div className="form-actions visit-note-link">
      {note ? (
        <ButtonLink to={paths.caseAtNote(note.caseId, note.id)} variant="secondary">
          {t('visit.openNote')}
        </ButtonLink>
      ) : (
        <ButtonLink to={paths.visitNote(appointmentId)}>{t('visit.document')}</ButtonLink>
      )}
    </div>
  );
}

function EditAppointment({ appointment }: { appointment: AppointmentRecord }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { update, cancel, remove } = useAppointmentWrites();
  const { id, caseId, date, time, durationMinutes, place, kind } = appointment;
  const initial = { caseId, date, time, durationMinutes, place, kind };
  const cancelled = appointment.status === 'cancelled';

  return (
    <>
      <AppointmentForm
        // Resolving a conflict changes the record underneath: start the form again from the
        // resolved values. Other remote changes do not reset it, so typing is never lost.
        key={`${appointment.id}-${appointment.conflicts.length}`}
        initial={initial}
        extraCase={{ id: caseId, familyName: t('appointments.unknownCase') }}
        onSubmit={async (fields) => {
          const patch = changedFields(initial, fields);
          if (Object.keys(patch).length > 0) await update(id, patch);
          navigate(paths.appointments, { replace: true });
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
        <DeleteButton
          label={t('appointments.delete')}
          title={t('appointments.deleteTitle')}
          text={t('appointments.deleteText')}
          onConfirm={async () => {
            await remove(id);
            navigate(paths.appointments, { replace: true });
          }}
        />
      </div>
    </>
  );
}
