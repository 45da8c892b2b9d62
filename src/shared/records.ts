// The records Feldakte keeps, as the one definition both client and server use.
// Each schema has three views:
//   *Fields  - what a person may write (create payload, update patch keys)
//   *Record  - the stored record: fields plus server-managed metadata
// Server-managed metadata: `version` (incremented on every change; 0 on a device
// for a record the server has not acknowledged yet), `updatedAt`, `updatedBy`,
// and `conflicts`: the open conflicts of the record (see Conflict below).
import { z } from 'zod';
import { Id, IsoDate, Minutes, requiredText, TimeOfDay, Timestamp, text } from './fields';

export const Role = z.enum(['worker', 'lead']);
export type Role = z.infer<typeof Role>;

export const ContactKind = z.enum(['home_visit', 'phone', 'meeting', 'other']);
export type ContactKind = z.infer<typeof ContactKind>;

export const CaseStatus = z.enum(['open', 'closed']);
export const AppointmentStatus = z.enum(['planned', 'done', 'cancelled']);
export const PreConsultationOutcome = z.enum(['done', 'referral', 'help_recommended']);
export type PreConsultationOutcome = z.infer<typeof PreConsultationOutcome>;

/** One side of a conflict: a value someone set, and who, when and from which device. */
export const ConflictCandidate = z.object({
  value: z.unknown(),
  by: Id,
  at: Timestamp,
  deviceId: z.string().nullable(),
});
export type ConflictCandidate = z.infer<typeof ConflictCandidate>;

/** The pseudo-field of a conflict between deleting a record and editing it (value true = deleted). */
export const DELETE_CONFLICT_FIELD = '_deleted';

/**
 * The same field changed on two devices to different values without either
 * having seen the other's change. Nothing is thrown away: the record holds the
 * value applied first, and every candidate (that one included) is kept here
 * until a person resolves the conflict with a `resolve` mutation.
 */
export const Conflict = z.object({
  id: Id,
  field: z.string(),
  candidates: z.array(ConflictCandidate).min(2),
  createdAt: Timestamp,
});
export type Conflict = z.infer<typeof Conflict>;

const serverMeta = {
  version: z.number().int().min(0),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  updatedBy: Id,
  conflicts: z.array(Conflict),
};

// --- Case (Einzelfall) -----------------------------------------------------
export const CaseFields = z.object({
  reference: requiredText(40),
  familyName: requiredText(200),
  clients: text(1000),
  address: text(300),
  phone: text(60),
  helpType: text(120),
  status: CaseStatus,
  startDate: IsoDate,
  assignedTo: Id,
  sourcePreConsultationId: Id.nullable(),
});
export const CaseRecord = CaseFields.extend({ id: Id, teamId: Id, ...serverMeta });
export type CaseFields = z.infer<typeof CaseFields>;
export type CaseRecord = z.infer<typeof CaseRecord>;

// --- CaseNote (Verlaufsnotiz) ----------------------------------------------
export const NoteFields = z.object({
  caseId: Id,
  date: IsoDate,
  kind: ContactKind,
  durationMinutes: Minutes,
  text: requiredText(20000),
  concern8a: z.boolean({ message: 'muss wahr oder falsch sein' }),
  /** Set by a lead ("Geprüft"); the server records who in reviewedBy. */
  reviewedAt: Timestamp.nullable(),
});
/** An edit of a note after a lead marked it "Geprüft": kept as visible history. */
export const Amendment = z.object({
  at: Timestamp,
  by: Id,
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});
export type Amendment = z.infer<typeof Amendment>;

export const NoteRecord = NoteFields.extend({
  id: Id,
  teamId: Id,
  authorId: Id,
  reviewedBy: Id.nullable(),
  amendments: z.array(Amendment),
  ...serverMeta,
});
export type NoteFields = z.infer<typeof NoteFields>;
export type NoteRecord = z.infer<typeof NoteRecord>;

// --- Appointment (Termin) --------------------------------------------------
export const AppointmentFields = z.object({
  caseId: Id,
  date: IsoDate,
  time: TimeOfDay,
  durationMinutes: Minutes,
  place: text(300),
  kind: ContactKind,
  status: AppointmentStatus,
});
export const AppointmentRecord = AppointmentFields.extend({
  id: Id,
  teamId: Id,
  workerId: Id,
  ...serverMeta,
});
export type AppointmentFields = z.infer<typeof AppointmentFields>;
export type AppointmentRecord = z.infer<typeof AppointmentRecord>;

// --- PreConsultation (Fall im Feld) ----------------------------------------
export const PreConsultationFields = z.object({
  date: IsoDate,
  contact: requiredText(300),
  concern: requiredText(5000),
  advice: text(5000),
  outcome: PreConsultationOutcome,
  convertedCaseId: Id.nullable(),
});
export const PreConsultationRecord = PreConsultationFields.extend({
  id: Id,
  teamId: Id,
  workerId: Id,
  ...serverMeta,
});
export type PreConsultationFields = z.infer<typeof PreConsultationFields>;
export type PreConsultationRecord = z.infer<typeof PreConsultationRecord>;

// --- Substitution (Vertretung) ---------------------------------------------
/** A lead grants a substitute access to a case for a period (both days inclusive). */
export const SubstitutionFields = z.object({
  caseId: Id,
  substituteId: Id,
  from: IsoDate,
  until: IsoDate,
});
export const SubstitutionRecord = SubstitutionFields.extend({
  id: Id,
  teamId: Id,
  ...serverMeta,
});
export type SubstitutionFields = z.infer<typeof SubstitutionFields>;
export type SubstitutionRecord = z.infer<typeof SubstitutionRecord>;

// --- Team members (read-only on devices) -----------------------------------
export const MemberRecord = z.object({
  id: Id,
  teamId: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  version: z.number().int().min(0),
});
export type MemberRecord = z.infer<typeof MemberRecord>;

/** The entities a device may change through the outbox. */
export const MutableEntity = z.enum(['case', 'note', 'appointment', 'preConsultation', 'substitution']);
export type MutableEntity = z.infer<typeof MutableEntity>;

/** Every entity a pull may deliver. */
export const SyncedEntity = z.enum([
  'case',
  'note',
  'appointment',
  'preConsultation',
  'substitution',
  'member',
]);
export type SyncedEntity = z.infer<typeof SyncedEntity>;

export const fieldsSchemaOf = {
  case: CaseFields,
  note: NoteFields,
  appointment: AppointmentFields,
  preConsultation: PreConsultationFields,
  substitution: SubstitutionFields,
} as const;

export const recordSchemaOf = {
  case: CaseRecord,
  note: NoteRecord,
  appointment: AppointmentRecord,
  preConsultation: PreConsultationRecord,
  substitution: SubstitutionRecord,
  member: MemberRecord,
} as const;

export type RecordOf = {
  case: CaseRecord;
  note: NoteRecord;
  appointment: AppointmentRecord;
  preConsultation: PreConsultationRecord;
  substitution: SubstitutionRecord;
  member: MemberRecord;
};
export type FieldsOf = {
  case: CaseFields;
  note: NoteFields;
  appointment: AppointmentFields;
  preConsultation: PreConsultationFields;
  substitution: SubstitutionFields;
};
