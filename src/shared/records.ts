// The records Feldakte keeps, as the one definition both client and server use.
// Each schema has three views:
//   *Fields  - what a person may write (create payload, update patch keys)
//   *Record  - the stored record: fields plus server-managed metadata
// Server-managed metadata: `version` (incremented on every change; 0 on a device
// for a record the server has not acknowledged yet), `updatedAt`, `updatedBy`.
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

const serverMeta = {
  version: z.number().int().min(0),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  updatedBy: Id,
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
export const NoteRecord = NoteFields.extend({
  id: Id,
  teamId: Id,
  authorId: Id,
  reviewedBy: Id.nullable(),
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
export const MutableEntity = z.enum(['case', 'note', 'appointment', 'preConsultation']);
export type MutableEntity = z.infer<typeof MutableEntity>;

/** Every entity a pull may deliver. */
export const SyncedEntity = z.enum(['case', 'note', 'appointment', 'preConsultation', 'member']);
export type SyncedEntity = z.infer<typeof SyncedEntity>;

export const fieldsSchemaOf = {
  case: CaseFields,
  note: NoteFields,
  appointment: AppointmentFields,
  preConsultation: PreConsultationFields,
} as const;

export const recordSchemaOf = {
  case: CaseRecord,
  note: NoteRecord,
  appointment: AppointmentRecord,
  preConsultation: PreConsultationRecord,
  member: MemberRecord,
} as const;

export type RecordOf = {
  case: CaseRecord;
  note: NoteRecord;
  appointment: AppointmentRecord;
  preConsultation: PreConsultationRecord;
  member: MemberRecord;
};
export type FieldsOf = {
  case: CaseFields;
  note: NoteFields;
  appointment: AppointmentFields;
  preConsultation: PreConsultationFields;
};
