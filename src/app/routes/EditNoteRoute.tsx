// "Notiz bearbeiten": the author's edit of a note, with its open conflicts above
// the form; saving returns to the case.
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useCase } from '../../features/cases';
import { NoteComments } from '../../features/comments/NoteComments';
import { EditNoteForm, useNote } from '../../features/notes';
import { BackLink, EmptyState, Loading, PageHeader } from '../../ui/components';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { LazyRecordConflicts } from './LazyRecordConflicts';

export function EditNoteRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const { caseId = '', noteId = '' } = useParams();
  const record = useCase(caseId);
  const note = useNote(noteId);
  const casePath = paths.case(caseId);

  return (
    <>
      <BackLink to={casePath} label={t('app.back')} />
      <PageHeader title={t('notes.editTitle')}>
        {record && <span className="muted">{record.familyName}</span>}
      </PageHeader>
      {note === undefined && <Loading label={t('app.loading')} />}
      {(note === null || (note && note.authorId !== user.id)) && (
        <EmptyState>{t('notes.notEditable')}</EmptyState>
      )}
      {note && note.authorId === user.id && (
        <>
          <LazyRecordConflicts item={{ entity: 'note', record: note }} level={2} />
          <EditNoteForm note={note} onSaved={() => navigate(casePath, { replace: true })} />
          <NoteComments note={note} level={2} />
        </>
      )}
    </>
  );
}
