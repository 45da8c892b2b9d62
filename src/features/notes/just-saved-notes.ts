// A note just created shows in its case's timeline at once, handed over by the
// save rather than read back. Dexie's optimistic updates never apply to writes
// in an explicit transaction (and its cache is off, see db/infrastructure/schema.ts); a note is
// saved in one (note, outbox entry, draft), so the timeline would wait for its
// live query to read the case's notes again while every other open query re-runs
// too.
//
// The handover lasts until a read of the timeline that started after the save:
// that read saw the committed note (or its removal since), so it alone decides.

import type { FeldakteDb } from '../../db/infrastructure/schema';
import { newestFirst } from '../../db/repositories/notes';
import type { NoteRecord } from '../../shared/records';

interface JustSaved {
  note: NoteRecord;
  /** Counts the saves of this database in this tab; a read started after it knows the note. */
  generation: number;
}

interface Handovers {
  generation: number;
  notes: JustSaved[];
  listeners: Set<() => void>;
}

const handoversOf = new WeakMap<FeldakteDb, Handovers>();

function handovers(db: FeldakteDb): Handovers {
  let found = handoversOf.get(db);
  if (!found) {
    found = { generation: 0, notes: [], listeners: new Set() };
    handoversOf.set(db, found);
  }
  return found;
}

/** Called once the note's transaction committed. */
export function handOverSavedNote(db: FeldakteDb, note: NoteRecord): void {
  const state = handovers(db);
  state.generation += 1;
  state.notes = [...state.notes, { note, generation: state.generation }];
  for (const listener of [...state.listeners]) listener();
}

/** Where a read begins: the saves it will see. */
export function currentSaveGeneration(db: FeldakteDb): number {
  return handovers(db).generation;
}

export function subscribeToSavedNotes(db: FeldakteDb, listener: () => void): () => void {
  const { listeners } = handovers(db);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A stable snapshot for useSyncExternalStore: a new array only when a note was handed over or let go. */
export function savedNotesSnapshot(db: FeldakteDb): readonly JustSaved[] {
  return handovers(db).notes;
}

/** The read's notes plus those of the case saved after the read began and not in it yet. */
export function withJustSaved(
  read: { notes: NoteRecord[]; generation: number },
  saved: readonly JustSaved[],
  caseId: string,
): NoteRecord[] {
  const readIds = new Set(read.notes.map((note) => note.id));
  const newer = saved.filter(
    ({ note, generation }) => generation > read.generation && note.caseId === caseId && !readIds.has(note.id),
  );
  return newer.length === 0
    ? read.notes
    : [...newer.map(({ note }) => note), ...read.notes].sort(newestFirst);
}

/** Lets go of what a read that began at `generation` already decided. */
export function forgetSavedNotesUpTo(db: FeldakteDb, caseId: string, generation: number): void {
  const state = handovers(db);
  const kept = state.notes.filter((entry) => entry.note.caseId !== caseId || entry.generation > generation);
  if (kept.length !== state.notes.length) state.notes = kept;
}
