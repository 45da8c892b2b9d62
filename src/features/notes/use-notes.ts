import { useLiveQuery } from 'dexie-react-hooks';
import { createNote, deleteNote, listNotesForCase } from '../../db/notes';
import type { NoteFields, NoteRecord } from '../../shared/records';
import { useSession } from '../../ui/session';

export function useNotesForCase(caseId: string): NoteRecord[] | undefined {
  const { db } = useSession();
  return useLiveQuery(() => listNotesForCase(db, caseId), [db, caseId]);
}

export function useCreateNote(): (fields: NoteFields) => Promise<NoteRecord> {
  const { db, actor } = useSession();
  return (fields) => createNote(db, actor, fields);
}

/** Only the author's unreviewed notes; the repository refuses any other. */
export function useDeleteNote(): (noteId: string) => Promise<void> {
  const { db, actor } = useSession();
  return (noteId) => deleteNote(db, actor, noteId);
}
