export { AmendmentHistory } from './AmendmentHistory';
export { NoteForm } from './NoteForm';
export { NotesTimeline } from './NotesTimeline';
