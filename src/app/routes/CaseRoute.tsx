// The case page: details from the cases feature, where the case stands in its
// closure, this month's billable time, the help-plan goals, the notes timeline
// from the notes feature, and for a lead the handover, substitutions and the
// case file (Protokoll, export). Open conflicts of the case, of each goal and of
// each note show inline, resolvable where they are. A closed case is read-only.
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutlet, useParams } from 'react-router';
import { BillableTime } from '../../features/billing';
import { CaseAssignment, CaseClosureStatus, CaseDetails, CaseRecords, useCase } from '../../features/cases';
import { ConcernCaseBanner } from '../../features/concerns/ConcernCaseBanner';
import { CaseGoals } from '../../features/goals';
import { NotesTimeline } from '../../features/notes/NotesTimeline';
import { CaseSubstitutions } from '../../features/substitutions';
import type { CaseRecord } from '../../shared/records';
import { BackLink, ButtonLink, EmptyState, Loading } from '../../ui/components';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { LazyRecordConflicts } from './LazyRecordConflicts';

export function CaseRoute() {
  const { t } = useTranslation();
  const caseId = useParams().caseId ?? '';
  const record = useCase(caseId);
  // A note's form (a nested route) opens in the case page's place while the page stays
  // mounted, hidden: back from "Speichern" its timeline is already there and shows
  // the saved note as soon as it is stored, instead of loading the whole page anew.
  const noteForm = useOutlet();

  return (
    <>
      {noteForm && <Suspense fallback={<Loading label={t('app.loading')} />}>{noteForm}</Suspense>}
      <div hidden={noteForm !== null}>
        <BackLink to={paths.cases} label={t('app.back')} />
        {record === undefined && <Loading label={t('app.loading')} />}
        {record === null && <EmptyState>{t('cases.notFound')}</EmptyState>}
        {record && <CasePage record={record} />}
      </div>
    </>
  );
}

function CasePage({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const isLead = user.role === 'lead';
  const closed = record.status === 'closed';

  return (
    <>
      <CaseDetails record={record} />
      <CaseClosureStatus record={record} />
      <ConcernCaseBanner caseId={record.id} />
      <LazyRecordConflicts item={{ entity: 'case', record }} level={2} />
      <BillableTime record={record} />
      <CaseGoals
        caseId={record.id}
        readOnly={closed}
        renderConflicts={(goal) => <LazyRecordConflicts item={{ entity: 'goal', record: goal }} level={4} />}
      />
      {isLead && !closed && <CaseAssignment record={record} />}
      {isLead && !closed && (
        <CaseSubstitutions
          caseId={record.id}
          assignedTo={record.assignedTo}
          renderConflicts={(substitution) => (
            <LazyRecordConflicts item={{ entity: 'substitution', record: substitution }} level={3} />
          )}
        />
      )}
      {isLead && <CaseRecords record={record} />}
      <section aria-labelledby="timeline-title" className="timeline-section">
        <div className="section-header">
          <h2 id="timeline-title">{t('notes.timeline')}</h2>
          {!closed && <ButtonLink to={paths.newCaseNote(record.id)}>{t('notes.newNote')}</ButtonLink>}
        </div>
        <NotesTimeline
          caseId={record.id}
          readOnly={closed}
          renderNoteExtras={(note) => (
            <LazyRecordConflicts item={{ entity: 'note', record: note }} level={4} />
          )}
        />
      </section>
    </>
  );
}
