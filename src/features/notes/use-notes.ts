import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { getAppointment } from '../../db/repositories/appointments';
import { getCase } from '../../db/repositories/cases';
import {
  createNoteFromDraft,
  createVisitNote,
  deleteNote,
  findNoteOfAppointment,
  getNote,
  listNotesForCase,
  type NoteInput,
  updateNoteFromDraft,
} from '../../db/repositories/notes';
import type { AppointmentRecord, CaseRecord, NoteFields, NoteRecord } from '../../shared/records';
import { useSession } from '../../ui/session';
import {
  currentSaveGeneration,
  forgetSavedNotesUpTo,
  handOverSavedNote,
  savedNotesSnapshot,
  subscribeToSavedNotes,
  withJustSaved,
} from './just-saved-notes';

/** The case's notes, newest first, live; a note just created in this tab shows before they are read again. */
export function useNotesForCase(caseId: string): NoteRecord[] | undefined {
  const { db } = useSession();
  const read = useLiveQuery(async () => {
    const generation = currentSaveGeneration(db);
    return { notes: await listNotesForCase(db, caseId), generation };
  }, [db, caseId]);
  const saved = useSyncExternalStore(
    (listener) => subscribeToSavedNotes(db, listener),
    () => savedNotesSnapshot(db),
  );
  useEffect(() => {
    if (read) forgetSavedNotesUpTo(db, caseId, read.generation);
  }, [db, caseId, read]);
  return useMemo(() => read && withJustSaved(read, saved, caseId), [read, saved, caseId]);
}

/** Saves a new note; its form's draft goes in the same transaction. */
export function useCreateNote(): (fields: NoteInput, draftKey: string) => Promise<NoteRecord> {
  const { db, actor } = useSession();
  return async (fields, draftKey) => {
    const note = await createNoteFromDraft(db, actor, fields, draftKey);
    handOverSavedNote(db, note);
    return note;
  };
}

/** "Besuch dokumentieren": the note, the appointment marked done and the draft gone, in one transaction. */
export function useCreateVisitNote(): (
  appointmentId: string,
  fields: NoteInput,
  draftKey: string,
) => Promise<NoteRecord> {
  const { db, actor } = useSession();
  return async (appointmentId, fields, draftKey) => {
    const note = await createVisitNote(db, actor, appointmentId, fields, draftKey);
    handOverSavedNote(db, note);
    return note;
  };
}

/** One note, live: undefined while loading, null when it is not on this device. */
export function useNote(noteId: string): NoteRecord | null | undefined {
  const { db } = useSession();
  return useLiveQuery(async () => (await getNote(db, noteId)) ?? null, [db, noteId]);
}

export interface VisitToDocument {
  appointment: AppointmentRecord;
  caseRecord: CaseRecord | null;
  /** The note that already documents the visit, if any. */
  note: NoteRecord | null;
}

/** An appointment to document, its case and its note: undefined while loading, null when it is not on this device. */
export function useVisitToDocument(appointmentId: string): VisitToDocument | null | undefined {
  const { db } = useSession();
  return useLiveQuery(async () => {
    const appointment = await getAppointment(db, appointmentId);
    if (!appointment) return null;
    const [caseRecord, note] = await Promise.all([
      getCase(db, appointment.caseId),
      findNoteOfAppointment(db, appointmentId),
    ]);
    return { appointment, caseRecord: caseRecord ?? null, note: note ?? null };
  }, [db, appointmentId]);
}

/** The author's edit and the end of its draft; after the review the server keeps the edit as an amendment. */
export function useUpdateNote(): (
  noteId: string,
  patch: Partial<Omit<NoteFields, 'caseId'>>,
  draftKey: string,
) => Promise<void> {
  const { db, actor } = useSession();
  return (noteId, patch, draftKey) => updateNoteFromDraft(db, actor, noteId, patch, draftKey);
}

/** Only the author's unreviewed notes; the repository refuses any other. */
export function useDeleteNote(): (noteId: string) => Promise<void> {
  const { db, actor } = useSession();
  return (noteId) => deleteNote(db, actor, noteId);
}
