// The case page: details from the cases feature, the notes timeline from the notes feature.
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CaseDetails, useCase } from '../../features/cases';
import { NotesTimeline } from '../../features/notes';
import { BackLink, ButtonLink, EmptyState, Loading } from '../../ui/components';

export function CaseRoute() {
  const { t } = useTranslation();
  const caseId = useParams().caseId ?? '';
  const record = useCase(caseId);

  return (
    <>
      <BackLink to="/faelle" label={t('app.back')} />
      {record === undefined && <Loading label={t('app.loading')} />}
      {record === null && <EmptyState>{t('cases.notFound')}</EmptyState>}
      {record && (
        <>
          <CaseDetails record={record} />
          <section aria-labelledby="timeline-title" className="timeline-section">
            <div className="section-header">
              <h2 id="timeline-title">{t('notes.timeline')}</h2>
              <ButtonLink to={`/faelle/${caseId}/notiz/neu`}>{t('notes.newNote')}</ButtonLink>
            </div>
            <NotesTimeline caseId={caseId} />
          </section>
        </>
      )}
    </>
  );
}
