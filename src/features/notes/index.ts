export { NoteForm } from './NoteForm';
export { NotesTimeline } from './NotesTimeline';
