// "Neue Notiz" for a case: the note form under the case's name; saving returns to the case.
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useCase } from '../../features/cases';
import { emptyNote, NoteForm, useCreateNote } from '../../features/notes';
import { BackLink, PageHeader } from '../../ui/components';

export function NewNoteRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const caseId = useParams().caseId ?? '';
  const record = useCase(caseId);
  const createNote = useCreateNote();
  const casePath = `/faelle/${caseId}`;

  return (
    <>
      <BackLink to={casePath} label={t('app.back')} />
      <PageHeader title={t('notes.newNote')}>
        {record && <span className="muted">{record.familyName}</span>}
      </PageHeader>
      <NoteForm
        initial={emptyNote()}
        onSubmit={async (fields) => {
          await createNote({ ...fields, caseId, reviewedAt: null });
          navigate(casePath, { replace: true });
        }}
      />
    </>
  );
}
