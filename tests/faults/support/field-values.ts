// New values for the fields the simulated devices edit. Every new value differs
// from the field's value before the offline phase (a device "changing" a field
// back to the common base would be no change at all for a three-way merge).
// Texts are unique per edit, so two devices editing the same text field always
// disagree; enums, numbers and flags have few values, so devices sometimes agree
// by chance - which must merge without a conflict.
import {
  type AppointmentFields,
  type CaseFields,
  type CommentFields,
  type ContactKind,
  type GoalFields,
  type GoalStatus,
  NoteFields,
  PreConsultationFields,
} from '../../../src/shared/records';
import type { Prng } from './prng';

const KINDS: readonly ContactKind[] = ['home_visit', 'phone', 'meeting', 'other'];
const APPOINTMENT_STATUSES: readonly AppointmentFields['status'][] = ['planned', 'done', 'cancelled'];
const OUTCOMES: readonly PreConsultationFields['outcome'][] = ['done', 'referral', 'help_recommended'];
const GOAL_STATUSES: readonly GoalStatus[] = ['open', 'achieved', 'dropped'];

export const EDITED_FIELDS = {
  note: ['text', 'durationMinutes', 'kind', 'concern8a'],
  appointment: ['time', 'place', 'durationMinutes', 'status', 'kind'],
  preConsultation: ['advice', 'contact', 'outcome'],
  case: ['phone', 'address', 'helpType', 'clients'],
  goal: ['title', 'description', 'status'],
} as const;

/** Makes texts that say who wrote them and are never repeated. */
export interface TextSource {
  next(what: string): string;
}

export function textSource(label: string): TextSource {
  let counter = 0;
  return { next: (what) => `${what} von ${label} #${++counter}` };
}

function otherThan<T>(prng: Prng, options: readonly T[], base: T): T {
  return prng.pick(options.filter((option) => option !== base));
}

function minutesOtherThan(prng: Prng, base: number): number {
  const value = prng.int(5, 240);
  return value === base ? value + 1 : value;
}

function timeOtherThan(prng: Prng, base: string): string {
  const time = `${String(prng.int(7, 19)).padStart(2, '0')}:${prng.pick(['00', '15', '30', '45'])}`;
  return time === base ? '20:05' : time;
}

/** Picks one or two of the fields, in a stable order. */
export function pickFields<F extends string>(prng: Prng, fields: readonly F[]): F[] {
  const first = prng.pick(fields);
  const second = prng.chance(0.3) ? prng.pick(fields) : first;
  return fields.filter((field) => field === first || field === second);
}

export function notePatch(
  prng: Prng,
  texts: TextSource,
  base: NoteFields,
  fields: readonly (typeof EDITED_FIELDS.note)[number][],
): Partial<Omit<NoteFields, 'caseId'>> {
  const patch: Partial<Omit<NoteFields, 'caseId'>> = {};
  for (const field of fields) {
    if (field === 'text') patch.text = texts.next('Notiztext');
    if (field === 'durationMinutes') patch.durationMinutes = minutesOtherThan(prng, base.durationMinutes);
    if (field === 'kind') patch.kind = otherThan(prng, KINDS, base.kind);
    if (field === 'concern8a') patch.concern8a = !base.concern8a;
  }
  return patch;
}

export function appointmentPatch(
  prng: Prng,
  texts: TextSource,
  base: AppointmentFields,
  fields: readonly (typeof EDITED_FIELDS.appointment)[number][],
): Partial<AppointmentFields> {
  const patch: Partial<AppointmentFields> = {};
  for (const field of fields) {
    if (field === 'time') patch.time = timeOtherThan(prng, base.time);
    if (field === 'place') patch.place = texts.next('Ort');
    if (field === 'durationMinutes') patch.durationMinutes = minutesOtherThan(prng, base.durationMinutes);
    if (field === 'status') patch.status = otherThan(prng, APPOINTMENT_STATUSES, base.status);
    if (field === 'kind') patch.kind = otherThan(prng, KINDS, base.kind);
  }
  return patch;
}

export function preConsultationPatch(
  prng: Prng,
  texts: TextSource,
  base: PreConsultationFields,
  fields: readonly (typeof EDITED_FIELDS.preConsultation)[number][],
): Partial<PreConsultationFields> {
  const patch: Partial<PreConsultationFields> = {};
  for (const field of fields) {
    if (field === 'advice') patch.advice = texts.next('Rat');
    if (field === 'contact') patch.contact = texts.next('Kontakt');
    if (field === 'outcome') patch.outcome = otherThan(prng, OUTCOMES, base.outcome);
  }
  return patch;
}

export function casePatch(
  texts: TextSource,
  fields: readonly (typeof EDITED_FIELDS.case)[number][],
): Partial<CaseFields> {
  const patch: Partial<CaseFields> = {};
  for (const field of fields) {
    if (field === 'phone') patch.phone = texts.next('Tel.');
    if (field === 'address') patch.address = texts.next('Adresse');
    if (field === 'helpType') patch.helpType = texts.next('Hilfeart');
    if (field === 'clients') patch.clients = texts.next('Beteiligte');
  }
  return patch;
}

// --- new records ------------------------------------------------------------------

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

// New records go through the shared schemas, so fields with a default get it.
export function newNote(prng: Prng, texts: TextSource, caseId: string): NoteFields {
  return NoteFields.parse({
    caseId,
    date: isoDay(-prng.int(0, 20)),
    kind: prng.pick(KINDS),
    durationMinutes: prng.int(10, 180),
    text: texts.next('Notiz'),
    concern8a: prng.chance(0.1),
    reviewedAt: null,
  });
}

export function newAppointment(prng: Prng, texts: TextSource, caseId: string): AppointmentFields {
  return {
    caseId,
    date: isoDay(prng.int(0, 30)),
    time: timeOtherThan(prng, ''),
    durationMinutes: prng.int(15, 120),
    place: texts.next('Termin-Ort'),
    kind: prng.pick(KINDS),
    status: 'planned',
  };
}

export function newPreConsultation(prng: Prng, texts: TextSource): PreConsultationFields {
  return PreConsultationFields.parse({
    date: isoDay(-prng.int(0, 10)),
    contact: texts.next('Kontaktperson'),
    concern: texts.next('Anliegen'),
    advice: '',
    outcome: prng.pick(OUTCOMES),
    convertedCaseId: null,
  });
}

export function goalPatch(
  prng: Prng,
  texts: TextSource,
  base: GoalFields,
  fields: readonly (typeof EDITED_FIELDS.goal)[number][],
): Partial<Omit<GoalFields, 'caseId'>> {
  const patch: Partial<Omit<GoalFields, 'caseId'>> = {};
  for (const field of fields) {
    if (field === 'title') patch.title = texts.next('Ziel');
    if (field === 'description') patch.description = texts.next('Zielbeschreibung');
    if (field === 'status') patch.status = otherThan(prng, GOAL_STATUSES, base.status);
  }
  return patch;
}

export function newGoal(prng: Prng, texts: TextSource, caseId: string): GoalFields {
  return {
    caseId,
    title: texts.next('Hilfeplanziel'),
    description: prng.chance(0.5) ? texts.next('Beschreibung') : '',
    status: 'open',
  };
}

/** A comment names its note's case (the server checks that the note belongs to it). */
export function newComment(texts: TextSource, note: { id: string; caseId: string }): CommentFields {
  return { caseId: note.caseId, noteId: note.id, text: texts.next('Kommentar') };
}
