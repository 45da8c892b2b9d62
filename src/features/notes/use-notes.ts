import { useLiveQuery } from 'dexie-react-hooks';
import { createNote, listNotesForCase } from '../../db/notes';
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
