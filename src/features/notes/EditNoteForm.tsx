// The author edits a note. Only changed fields are sent (the server merges per
// field); a note a lead already marked "Geprüft" keeps each later edit as a
// visible amendment, which the form says before anyone saves.
import { useTranslation } from 'react-i18next';
import type { NoteRecord } from '../../shared/records';
import { changedFields } from '../../ui/forms/changed-fields';
import { NoteForm } from './NoteForm';
import { useUpdateNote } from './use-notes';

export function EditNoteForm({ note, onSaved }: { note: NoteRecord; onSaved: () => void }) {
  const { t } = useTranslation();
  const updateNote = useUpdateNote();
  const initial = {
    text: note.text,
    date: note.date,
    kind: note.kind,
    durationMinutes: note.durationMinutes,
    concern8a: note.concern8a,
  };

  return (
    <>
      {note.reviewedAt && <p className="banner banner-warning">{t('notes.editReviewedHint')}</p>}
      <NoteForm
        key={`${note.id}-${note.conflicts.length}`}
        initial={initial}
        onSubmit={async (fields) => {
          const patch = changedFields(initial, fields);
          if (Object.keys(patch).length > 0) await updateNote(note.id, patch);
          onSaved();
        }}
      />
    </>
  );
}
