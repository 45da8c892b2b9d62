export { NewComments } from './NewComments';
export { NoteComments } from './NoteComments';
