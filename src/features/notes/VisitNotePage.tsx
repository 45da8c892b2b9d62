// "Besuch dokumentieren": a note prefilled from the appointment (case, date, kind,
// duration, the visit it documents). Saving writes the note and marks the
// appointment done in one transaction, then shows the case.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { draftKeys } from '../../db/repositories/drafts';
import { BackLink, ButtonLink, EmptyState, Loading, PageHeader } from '../../ui/components';
import { useFormatters } from '../../ui/format';
import { paths } from '../../ui/paths';
import { emptyNote, NoteForm } from './NoteForm';
import { useCreateVisitNote, useVisitToDocument, type VisitToDocument } from './use-notes';

export function VisitNotePage({ appointmentId }: { appointmentId: string }) {
  const { t } = useTranslation();
  const visit = useVisitToDocument(appointmentId);

  return (
    <>
      <BackLink to={paths.today} label={t('app.back')} />
      <PageHeader title={t('visit.title')}>
        {visit?.caseRecord && <span className="muted">{visit.caseRecord.familyName}</span>}
      </PageHeader>
      {visit === undefined && <Loading label={t('app.loading')} />}
      {visit === null && <EmptyState>{t('visit.notFound')}</EmptyState>}
      {visit && <VisitNote visit={visit} />}
    </>
  );
}

function VisitNote({ visit }: { visit: VisitToDocument }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const createVisitNote = useCreateVisitNote();
  const { appointment, note } = visit;
  const casePath = paths.case(appointment.caseId);

  if (note) {
    return (
      <div className="card">
        <p>{t('visit.alreadyDocumented')}</p>
        <ButtonLink to={paths.caseAtNote(appointment.caseId, note.id)}>{t('visit.openNote')}</ButtonLink>
      </div>
    );
  }

  const { date, kind, durationMinutes } = appointment;
  const draftKey = draftKeys.visitNote(appointment.id);
  return (
    <>
      <p className="muted">
        {t('visit.of', { kind: t(`kind.${kind}`), date: format.day(date), time: appointment.time })}.{' '}
        {appointment.status === 'cancelled' ? t('visit.cancelled') : t('visit.marksDone')}
      </p>
      <NoteForm
        caseId={appointment.caseId}
        initial={emptyNote({ date, kind, durationMinutes })}
        draftKey={draftKey}
        templateFollowsKind
        onSubmit={async (fields) => {
          await createVisitNote(
            appointment.id,
            { ...fields, caseId: appointment.caseId, reviewedAt: null },
            draftKey,
          );
          navigate(casePath, { replace: true });
        }}
      />
    </>
  );
}
