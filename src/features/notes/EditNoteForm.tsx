// The author edits a note. Only changed fields are sent (the server merges per
// field); a note a lead already marked "Geprüft" keeps each later edit as a
// visible amendment, which the form says before anyone saves. Unsaved edits are
// kept as the draft "note:edit:<id>" until saved or discarded.
import { useTranslation } from 'react-i18next';
import { draftKeys } from '../../db/repositories/drafts';
import type { NoteRecord } from '../../shared/records';
import { changedFields } from '../../ui/forms/changed-fields';
import { NoteForm } from './NoteForm';
import type { NoteFormValues } from './note-form-schema';
import { useUpdateNote } from './use-notes';

function formValuesOf(note: NoteRecord): NoteFormValues {
  const { text, date, kind, durationMinutes, concern8a, template, travelMinutes, kilometres, goalIds } = note;
  const { occasion, observations, talkedWith, agreements, nextSteps } = note;
  return {
    text,
    date,
    kind,
    durationMinutes,
    concern8a,
    template,
    occasion,
    observations,
    talkedWith,
    agreements,
    nextSteps,
    travelMinutes,
    kilometres,
    goalIds,
  };
}

export function EditNoteForm({ note, onSaved }: { note: NoteRecord; onSaved: () => void }) {
  const { t } = useTranslation();
  const updateNote = useUpdateNote();
  const initial = formValuesOf(note);
  const draftKey = draftKeys.editNote(note.id);

  return (
    <>
      {note.reviewedAt && <p className="banner banner-warning">{t('notes.editReviewedHint')}</p>}
      <NoteForm
        key={`${note.id}-${note.conflicts.length}`}
        caseId={note.caseId}
        initial={initial}
        draftKey={draftKey}
        onSubmit={async (fields) => {
          await updateNote(note.id, changedFields(initial, fields), draftKey);
          onSaved();
        }}
      />
    </>
  );
}
