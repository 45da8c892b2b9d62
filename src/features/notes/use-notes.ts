import { useLiveQuery } from 'dexie-react-hooks';
import { createNote, deleteNote, getNote, listNotesForCase, updateNote } from '../../db/notes';
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

/** One note, live: undefined while loading, null when it is not on this device. */
export function useNote(noteId: string): NoteRecord | null | undefined {
  const { db } = useSession();
  return useLiveQuery(async () => (await getNote(db, noteId)) ?? null, [db, noteId]);
}

/** The author's edit; after the review the server keeps it as an amendment. */
export function useUpdateNote(): (
  noteId: string,
  patch: Partial<Omit<NoteFields, 'caseId'>>,
) => Promise<NoteRecord> {
  const { db, actor } = useSession();
  return (noteId, patch) => updateNote(db, actor, noteId, patch);
}

/** Only the author's unreviewed notes; the repository refuses any other. */
export function useDeleteNote(): (noteId: string) => Promise<void> {
  const { db, actor } = useSession();
  return (noteId) => deleteNote(db, actor, noteId);
}
