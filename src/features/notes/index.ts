export { AmendmentHistory } from './AmendmentHistory';
export { EditNoteForm } from './EditNoteForm';
export { NoteContent } from './NoteContent';
export { emptyNote, NoteForm } from './NoteForm';
export { NotesTimeline } from './NotesTimeline';
export { useCreateNote, useNote } from './use-notes';
