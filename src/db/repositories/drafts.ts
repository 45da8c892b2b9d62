// Unsaved note forms (drafts), kept on the author's device on every keystroke so
// a closed app, a crash or a dead battery loses nothing typed. Drafts never sync;
// the save that turns a draft into a record deletes it in the same transaction
// (notes.ts), so a saved note never comes back as a draft.
import type { Draft, FeldakteDb } from '../infrastructure/schema';

/** The keys of the note forms: one draft per form and target. */
export const draftKeys = {
  newNote: (caseId: string) => `note:new:${caseId}`,
  visitNote: (appointmentId: string) => `note:visit:${appointmentId}`,
  editNote: (noteId: string) => `note:edit:${noteId}`,
};

export function getDraft(db: FeldakteDb, key: string): Promise<Draft | undefined> {
  return db.drafts.get(key);
}

/** Replaces the draft under `key` with the form's current values. */
export async function saveDraft(
  db: FeldakteDb,
  key: string,
  caseId: string | null,
  values: Record<string, unknown>,
): Promise<void> {
  await db.drafts.put({ key, caseId, values, updatedAt: new Date().toISOString() });
}

/** "Entwurf verwerfen", or the save that makes the draft a record (inside its transaction). */
export async function deleteDraft(db: FeldakteDb, key: string): Promise<void> {
  await db.drafts.delete(key);
}
