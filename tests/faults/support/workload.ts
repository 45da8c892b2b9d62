// What the simulated devices do while offline: create notes, appointments,
// pre-consultations, help-plan goals and comments on notes, and edit records they
// share with the other devices (the same fields, and different ones), always
// through the app's local repositories, so every change is one outbox entry
// exactly as in the app.

import { updateLocal } from '../../../src/db/infrastructure/local-write';
import {
  createAppointment,
  deleteAppointment,
  updateAppointment,
} from '../../../src/db/repositories/appointments';
import { updateCase } from '../../../src/db/repositories/cases';
import { createComment } from '../../../src/db/repositories/comments';
import { createGoal, updateGoal } from '../../../src/db/repositories/goals';
import { createNote, markNoteReviewed, updateNote } from '../../../src/db/repositories/notes';
import { createPreConsultation, deletePreConsultation } from '../../../src/db/repositories/pre-consultations';
import type {
  AppointmentRecord,
  CaseRecord,
  CommentRecord,
  GoalRecord,
  NoteRecord,
  PreConsultationRecord,
} from '../../../src/shared/records';
import type { SimulatedDevice } from './device';
import {
  appointmentPatch,
  casePatch,
  EDITED_FIELDS,
  goalPatch,
  newAppointment,
  newComment,
  newGoal,
  newNote,
  newPreConsultation,
  notePatch,
  pickFields,
  preConsultationPatch,
  type TextSource,
  textSource,
} from './field-values';
import type { Prng } from './prng';
import { recordKey } from './records';
import type { Snapshot } from './snapshots';

type Action =
  | 'createNote'
  | 'createAppointment'
  | 'createPreConsultation'
  | 'editNote'
  | 'reviewNote'
  | 'editAppointment'
  | 'editPreConsultation'
  | 'editCase'
  | 'createGoal'
  | 'editGoal'
  | 'createComment'
  | 'editComment'
  | 'deleteOwn';

/** How often each kind of change happens, by role. Leads review instead of writing much. */
const WEIGHTS: Record<'worker' | 'lead', Partial<Record<Action, number>>> = {
  worker: {
    createNote: 10,
    createAppointment: 6,
    createPreConsultation: 4,
    editNote: 25,
    editAppointment: 22,
    editPreConsultation: 13,
    editCase: 10,
    createGoal: 3,
    editGoal: 8,
    createComment: 2,
    editComment: 2,
    deleteOwn: 3,
  },
  lead: {
    createNote: 6,
    createAppointment: 5,
    createPreConsultation: 3,
    reviewNote: 14,
    editNote: 4,
    editAppointment: 30,
    editPreConsultation: 16,
    editCase: 22,
    createGoal: 2,
    editGoal: 6,
    createComment: 6,
    editComment: 2,
    deleteOwn: 3,
  },
};

function pickWeighted<T extends string>(prng: Prng, weights: Partial<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let roll = prng.next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (entries.at(-1) as [T, number])[0];
}

/**
 * IndexedDB lists records by their random ids; sorted by content, the same seed
 * picks the same records in every run, so a failing run can be replayed.
 */
function inStableOrder<R>(records: R[], keyOf: (record: R) => string): R[] {
  return records.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

/** What a device remembers across its writers (the setup's and the offline phase's). */
export interface DeviceMemory {
  texts: TextSource;
  /**
   * The appointments and pre-consultations the device created, in order. Only
   * their creator deletes them, so no record is deleted on two devices (the other
   * devices may still edit it: delete against edit).
   */
  createdHere: Set<string>;
}

export function newDeviceMemory(label: string): DeviceMemory {
  return { texts: textSource(label), createdHere: new Set() };
}

/** One device's writer: it knows what the device holds and what the shared base was. */
export class DeviceWriter {
  private readonly texts: TextSource;
  private readonly createdHere: Set<string>;

  constructor(
    private readonly device: SimulatedDevice,
    private readonly prng: Prng,
    memory: DeviceMemory,
    /** The records as all devices last saw them together, for "differs from the base". */
    private readonly base: Snapshot = new Map(),
  ) {
    this.texts = memory.texts;
    this.createdHere = memory.createdHere;
  }

  /** Makes one change (one outbox entry); returns what it did. */
  async randomChange(): Promise<Action> {
    for (;;) {
      const action = pickWeighted(this.prng, WEIGHTS[this.device.user.role === 'lead' ? 'lead' : 'worker']);
      if (await this.perform(action)) return action;
    }
  }

  /** False when the device holds nothing this action could change. */
  async perform(action: Action): Promise<boolean> {
    switch (action) {
      case 'createNote':
        return this.createNote();
      case 'createAppointment':
        return this.createAppointment();
      case 'createPreConsultation':
        return this.createPreConsultation();
      case 'editNote':
        return this.editNote();
      case 'reviewNote':
        return this.reviewNote();
      case 'editAppointment':
        return this.editAppointment();
      case 'editPreConsultation':
        return this.editPreConsultation();
      case 'editCase':
        return this.editCase();
      case 'createGoal':
        return this.createGoal();
      case 'editGoal':
        return this.editGoal();
      case 'createComment':
        return this.createComment();
      case 'editComment':
        return this.editComment();
      case 'deleteOwn':
        return this.deleteOwn();
    }
  }

  private baseOf<R extends { id: string }>(
    entity: 'note' | 'appointment' | 'preConsultation' | 'case' | 'goal',
    local: R,
  ) {
    return (this.base.get(recordKey(entity, local.id)) as R | undefined) ?? local;
  }

  /** A closed case is read-only with everything hanging off it, as in the app: nobody edits them. */
  private async onOpenCases<R extends { caseId: string }>(records: R[]): Promise<R[]> {
    const closed = new Set(await this.device.db.cases.where('status').equals('closed').primaryKeys());
    return records.filter((record) => !closed.has(record.caseId));
  }

  private async pickCase(): Promise<CaseRecord | undefined> {
    const cases = inStableOrder(
      await this.device.db.cases.where('status').equals('open').toArray(),
      (c) => c.reference,
    );
    return cases.length > 0 ? this.prng.pick(cases) : undefined;
  }

  private async createNote(): Promise<boolean> {
    const target = await this.pickCase();
    if (!target) return false;
    await createNote(this.device.db, this.device.actor, newNote(this.prng, this.texts, target.id));
    return true;
  }

  private async createAppointment(): Promise<boolean> {
    const target = await this.pickCase();
    if (!target) return false;
    const fields = newAppointment(this.prng, this.texts, target.id);
    this.createdHere.add((await createAppointment(this.device.db, this.device.actor, fields)).id);
    return true;
  }

  private async createPreConsultation(): Promise<boolean> {
    const fields = newPreConsultation(this.prng, this.texts);
    this.createdHere.add((await createPreConsultation(this.device.db, this.device.actor, fields)).id);
    return true;
  }

  /** Only the author may change a note's content. */
  private async editNote(): Promise<boolean> {
    const own = inStableOrder(
      await this.onOpenCases(
        await this.device.db.notes.where('authorId').equals(this.device.actor.userId).toArray(),
      ),
      (note) => `${note.createdAt}|${note.text}`,
    );
    if (own.length === 0) return false;
    const note: NoteRecord = this.prng.pick(own);
    const fields = pickFields(this.prng, EDITED_FIELDS.note);
    await updateNote(
      this.device.db,
      this.device.actor,
      note.id,
      notePatch(this.prng, this.texts, this.baseOf('note', note), fields),
    );
    return true;
  }

  /** The lead marks a synced note "Geprüft" (a field nobody else writes). */
  private async reviewNote(): Promise<boolean> {
    const synced = inStableOrder(
      await this.onOpenCases(await this.device.db.notes.filter((note) => note.version > 0).toArray()),
      (note) => `${note.createdAt}|${note.text}`,
    );
    if (synced.length === 0) return false;
    await markNoteReviewed(this.device.db, this.device.actor, this.prng.pick(synced).id);
    return true;
  }

  private async editAppointment(): Promise<boolean> {
    const all = inStableOrder(
      await this.onOpenCases(await this.device.db.appointments.toArray()),
      (a) => `${a.createdAt}|${a.place}`,
    );
    if (all.length === 0) return false;
    const appointment: AppointmentRecord = this.prng.pick(all);
    const fields = pickFields(this.prng, EDITED_FIELDS.appointment);
    const patch = appointmentPatch(this.prng, this.texts, this.baseOf('appointment', appointment), fields);
    await updateAppointment(this.device.db, this.device.actor, appointment.id, patch);
    return true;
  }

  private async editPreConsultation(): Promise<boolean> {
    const all = inStableOrder(
      await this.device.db.preConsultations.toArray(),
      (p) => `${p.createdAt}|${p.contact}`,
    );
    if (all.length === 0) return false;
    const record: PreConsultationRecord = this.prng.pick(all);
    const fields = pickFields(this.prng, EDITED_FIELDS.preConsultation);
    const patch = preConsultationPatch(this.prng, this.texts, this.baseOf('preConsultation', record), fields);
    await updateLocal(this.device.db, 'preConsultation', this.device.actor, record.id, patch);
    return true;
  }

  private async editCase(): Promise<boolean> {
    const target = await this.pickCase();
    if (!target) return false;
    const fields = pickFields(this.prng, EDITED_FIELDS.case);
    await updateCase(this.device.db, this.device.actor, target.id, casePatch(this.texts, fields));
    return true;
  }

  private async createGoal(): Promise<boolean> {
    const target = await this.pickCase();
    if (!target) return false;
    await createGoal(this.device.db, this.device.actor, newGoal(this.prng, this.texts, target.id));
    return true;
  }

  /** Goals belong to the case: every device that holds it edits them (same and different fields). */
  private async editGoal(): Promise<boolean> {
    const all = inStableOrder(
      await this.onOpenCases(await this.device.db.goals.toArray()),
      (g) => `${g.createdAt}|${g.title}`,
    );
    if (all.length === 0) return false;
    const goal: GoalRecord = this.prng.pick(all);
    const fields = pickFields(this.prng, EDITED_FIELDS.goal);
    const patch = goalPatch(this.prng, this.texts, this.baseOf('goal', goal), fields);
    await updateGoal(this.device.db, this.device.actor, goal.id, patch);
    return true;
  }

  /** A comment on any note the device holds (notes are never deleted here, so the note exists on the server). */
  private async createComment(): Promise<boolean> {
    const notes = inStableOrder(
      await this.onOpenCases(await this.device.db.notes.toArray()),
      (n) => `${n.createdAt}|${n.text}`,
    );
    if (notes.length === 0) return false;
    const note: NoteRecord = this.prng.pick(notes);
    const { caseId, noteId, text } = newComment(this.texts, note);
    await createComment(this.device.db, this.device.actor, { id: noteId, caseId }, text);
    return true;
  }

  /** Only the author edits a comment (the user's other device too: same author). */
  private async editComment(): Promise<boolean> {
    const own = inStableOrder(
      await this.onOpenCases(
        await this.device.db.comments.filter((c) => c.authorId === this.device.actor.userId).toArray(),
      ),
      (c) => `${c.createdAt}|${c.text}`,
    );
    if (own.length === 0) return false;
    const comment: CommentRecord = this.prng.pick(own);
    await updateLocal(this.device.db, 'comment', this.device.actor, comment.id, {
      text: this.texts.next('Kommentartext'),
    });
    return true;
  }

  /** Deletes an appointment or pre-consultation this device created and still holds. */
  private async deleteOwn(): Promise<boolean> {
    const { db, actor } = this.device;
    const ids = [...this.createdHere];
    const appointments = new Set(await db.appointments.where('id').anyOf(ids).primaryKeys());
    const preConsultations = new Set(await db.preConsultations.where('id').anyOf(ids).primaryKeys());
    const candidates = ids.filter((id) => appointments.has(id) || preConsultations.has(id));
    if (candidates.length === 0) return false;
    const id = this.prng.pick(candidates);
    await (appointments.has(id) ? deleteAppointment(db, actor, id) : deletePreConsultation(db, actor, id));
    return true;
  }
}
