// "Neue Notiz" for a case: the note form under the case's name; saving returns to the case.
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { draftKeys } from '../../db/repositories/drafts';
import { useCase } from '../../features/cases';
import { emptyNote, NoteForm, useCreateNote } from '../../features/notes';
import { BackLink, PageHeader } from '../../ui/components';
import { paths } from '../../ui/paths';

export function NewNoteRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const caseId = useParams().caseId ?? '';
  const record = useCase(caseId);
  const createNote = useCreateNote();
  const casePath = paths.case(caseId);
  const draftKey = draftKeys.newNote(caseId);

  return (
    <>
      <BackLink to={casePath} label={t('app.back')} />
      <PageHeader title={t('notes.newNote')}>
        {record && <span className="muted">{record.familyName}</span>}
      </PageHeader>
      <NoteForm
        key={caseId}
        caseId={caseId}
        initial={emptyNote()}
        draftKey={draftKey}
        templateFollowsKind
        onSubmit={async (fields) => {
          await createNote({ ...fields, caseId, reviewedAt: null }, draftKey);
          navigate(casePath, { replace: true });
        }}
      />
    </>
  );
}
