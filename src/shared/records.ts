// The records Feldakte keeps, as the one definition both client and server use.
// Each schema has three views:
//   *Fields  - what a person may write (create payload, update patch keys)
//   *Record  - the stored record: fields plus server-managed metadata
// Server-managed metadata: `version` (incremented on every change; 0 on a device
// for a record the server has not acknowledged yet), `updatedAt`, `updatedBy`,
// and `conflicts`: the open conflicts of the record (see Conflict below).
import { z } from 'zod';
import {
  Hours,
  Id,
  IsoDate,
  Kilometres,
  Minutes,
  requiredText,
  says,
  TimeOfDay,
  Timestamp,
  text,
} from './fields';

/** Fachkraft, Teamleitung, Administration (the organisation's people and teams; no case content). */
export const Role = z.enum(['worker', 'lead', 'admin']);
export type Role = z.infer<typeof Role>;

export const ContactKind = z.enum(['home_visit', 'phone', 'meeting', 'other']);
export type ContactKind = z.infer<typeof ContactKind>;

/** A worker asks to close ("Abschluss beantragen"); the lead confirms ("Abschließen") or reopens. */
export const CaseStatus = z.enum(['open', 'closure_requested', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** Hilfeart: the help's legal basis, the code list of the official help statistics. */
export const HelpKind = z.enum([
  'sgb8_27_2',
  'sgb8_28',
  'sgb8_29',
  'sgb8_30',
  'sgb8_31',
  'sgb8_35',
  'sgb8_35a',
  'sgb8_41',
  'neighbourhood',
  'other',
]);
export type HelpKind = z.infer<typeof HelpKind>;

/** Beendigungsgrund, as the official help statistics count it. */
export const ClosingReason = z.enum([
  'goals_met',
  'ended_by_guardians',
  'ended_by_young_person',
  'ended_by_provider',
  'responsibility_changed',
  'other',
]);
export type ClosingReason = z.infer<typeof ClosingReason>;

export const Gender = z.enum(['female', 'male', 'diverse', 'unspecified']);
export type Gender = z.infer<typeof Gender>;

/** Month and year of birth: "2014-03". */
export const BirthMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, says('notBirthMonth'));

/**
 * A person of the case's household: a young person or a Sorgeberechtigte(r).
 * Each has an id of their own, so later records (a § 8a assessment, the
 * statistics) can refer to them.
 */
export const HouseholdMember = z.discriminatedUnion('kind', [
  z.object({
    id: Id,
    kind: z.literal('young_person'),
    firstName: requiredText(100),
    birthMonth: BirthMonth.nullable(),
    gender: Gender,
  }),
  z.object({
    id: Id,
    kind: z.literal('guardian'),
    name: requiredText(200),
    /** How to reach them, e.g. a phone number. */
    contact: text(300).default(''),
  }),
]);
export type HouseholdMember = z.infer<typeof HouseholdMember>;
export const MAX_HOUSEHOLD_MEMBERS = 20;
export const AppointmentStatus = z.enum(['planned', 'done', 'cancelled']);
export const PreConsultationOutcome = z.enum(['done', 'referral', 'help_recommended']);
export type PreConsultationOutcome = z.infer<typeof PreConsultationOutcome>;

/** How a note is written: free text, or the home-visit template's five sections. */
export const NoteTemplate = z.enum(['free', 'home_visit']);
export type NoteTemplate = z.infer<typeof NoteTemplate>;
/** The sections of the home-visit template, in the order the form shows them. */
export const NOTE_SECTIONS = ['occasion', 'observations', 'talkedWith', 'agreements', 'nextSteps'] as const;
export type NoteSection = (typeof NOTE_SECTIONS)[number];

export const GoalStatus = z.enum(['open', 'achieved', 'dropped']);
export type GoalStatus = z.infer<typeof GoalStatus>;

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

// Fields added after version 1 of the records carry a default: an outbox entry
// queued by an older app (created before the update) still validates, and gets
// the default the older app implied.

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
  /** Fachleistungsstunden per month approved in the help plan (0: none set). */
  approvedHoursPerMonth: Hours.default(0),
  /** Stadtteil, one of the team's districts (TeamSettings.districts); '' when none. */
  district: text(100).default(''),
  /** Hilfeart as a code (helpType stays the free-text detail of older cases). */
  helpKind: HelpKind.default('other'),
  /** Kostenträger / Jugendamt, and the contact person there. */
  payer: text(200).default(''),
  payerContact: text(300).default(''),
  /** Date of the next Hilfeplangespräch; null when none is set. */
  nextHelpPlanDate: IsoDate.nullable().default(null),
  household: z.array(HouseholdMember).max(MAX_HOUSEHOLD_MEMBERS, says('tooManyHouseholdMembers')).default([]),
  /** "Ende": set with the closure (requested or done); retention counts from it. */
  endDate: IsoDate.nullable().default(null),
  closingReason: ClosingReason.nullable().default(null),
  followUpHelp: text(300).default(''),
  closingNote: text(5000).default(''),
});
/** The fields only a lead changes after the case was created ("Bewilligte Stunden", Hilfeart, Kostenträger, Zuständig). */
export const LEAD_CASE_FIELDS = [
  'approvedHoursPerMonth',
  'helpKind',
  'payer',
  'payerContact',
  'assignedTo',
] as const;
export const CaseRecord = CaseFields.extend({ id: Id, teamId: Id, ...serverMeta });
export type CaseFields = z.infer<typeof CaseFields>;
export type CaseRecord = z.infer<typeof CaseRecord>;

// --- CaseNote (Verlaufsnotiz) ----------------------------------------------
export const NoteFields = z.object({
  caseId: Id,
  date: IsoDate,
  kind: ContactKind,
  /** Direct time with the family (billable). */
  durationMinutes: Minutes,
  /** Free text; with the home-visit template it may be empty (see noteHasContent). */
  text: text(20000),
  concern8a: z.boolean(says('notBoolean')),
  /** Set by a lead ("Geprüft"); the server records who in reviewedBy. */
  reviewedAt: Timestamp.nullable(),
  template: NoteTemplate.default('free'),
  occasion: text(5000).default(''),
  observations: text(5000).default(''),
  talkedWith: text(1000).default(''),
  agreements: text(5000).default(''),
  nextSteps: text(5000).default(''),
  /** Travel time to and from the visit (billable). */
  travelMinutes: Minutes.default(0),
  kilometres: Kilometres.default(0),
  /**
   * Help-plan goals of the case this note worked on. Not checked against the
   * goals table: a goal deleted meanwhile must not make the note's edit fail.
   */
  goalIds: z.array(Id).max(20, says('tooManyGoals')).default([]),
  /** The appointment this note documents ("Besuch dokumentieren"), if any. */
  appointmentId: Id.nullable().default(null),
  /** Set by a lead who has seen a § 8a concern; the server records who in concernAcknowledgedBy. */
  concernAcknowledgedAt: Timestamp.nullable().default(null),
});

/** A note says something: free text or at least one template section that is not blank. */
export function noteHasContent(note: Pick<NoteFields, 'text' | NoteSection>): boolean {
  return [note.text, ...NOTE_SECTIONS.map((section) => note[section])].some(
    (value) => (value ?? '').trim() !== '',
  );
}

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
  concernAcknowledgedBy: Id.nullable(),
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
  /** The network partner the family was referred to (outcome "referral"). */
  referralPartnerId: Id.nullable().default(null),
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

// --- Goal (Hilfeplanziel) --------------------------------------------------
/** A goal of the case's help plan; written by whoever may write the case. */
export const GoalFields = z.object({
  caseId: Id,
  title: requiredText(300),
  description: text(2000).default(''),
  status: GoalStatus.default('open'),
});
export const GoalRecord = GoalFields.extend({ id: Id, teamId: Id, ...serverMeta });
export type GoalFields = z.infer<typeof GoalFields>;
export type GoalRecord = z.infer<typeof GoalRecord>;

// --- Comment (Kommentar zu einer Notiz) -----------------------------------
/**
 * A comment on a note, typically the lead's feedback to the author from Prüfen;
 * anyone who may see the case may comment, only the comment's author edits or
 * deletes it. `caseId` must be the note's case (checked by the server).
 */
export const CommentFields = z.object({
  caseId: Id,
  noteId: Id,
  text: requiredText(5000),
});
export const CommentRecord = CommentFields.extend({ id: Id, teamId: Id, authorId: Id, ...serverMeta });
export type CommentFields = z.infer<typeof CommentFields>;
export type CommentRecord = z.infer<typeof CommentRecord>;

// --- Partner (Netzwerkpartner) ---------------------------------------------
/** The team's directory of local network partners: every member sees it, leads edit it. */
export const PartnerFields = z.object({
  name: requiredText(200),
  organisation: text(200),
  services: text(2000),
  contact: text(500),
  district: text(200),
});
export const PartnerRecord = PartnerFields.extend({ id: Id, teamId: Id, ...serverMeta });
export type PartnerFields = z.infer<typeof PartnerFields>;
export type PartnerRecord = z.infer<typeof PartnerRecord>;

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
export const MutableEntity = z.enum([
  'case',
  'note',
  'appointment',
  'preConsultation',
  'substitution',
  'goal',
  'comment',
  'partner',
]);
export type MutableEntity = z.infer<typeof MutableEntity>;

/** Every entity a pull may deliver. */
export const SyncedEntity = z.enum([
  'case',
  'note',
  'appointment',
  'preConsultation',
  'substitution',
  'goal',
  'comment',
  'partner',
  'member',
]);
export type SyncedEntity = z.infer<typeof SyncedEntity>;

export const fieldsSchemaOf = {
  case: CaseFields,
  note: NoteFields,
  appointment: AppointmentFields,
  preConsultation: PreConsultationFields,
  substitution: SubstitutionFields,
  goal: GoalFields,
  comment: CommentFields,
  partner: PartnerFields,
} as const;

export const recordSchemaOf = {
  case: CaseRecord,
  note: NoteRecord,
  appointment: AppointmentRecord,
  preConsultation: PreConsultationRecord,
  substitution: SubstitutionRecord,
  goal: GoalRecord,
  comment: CommentRecord,
  partner: PartnerRecord,
  member: MemberRecord,
} as const;

export type RecordOf = {
  case: CaseRecord;
  note: NoteRecord;
  appointment: AppointmentRecord;
  preConsultation: PreConsultationRecord;
  substitution: SubstitutionRecord;
  goal: GoalRecord;
  comment: CommentRecord;
  partner: PartnerRecord;
  member: MemberRecord;
};
export type FieldsOf = {
  case: CaseFields;
  note: NoteFields;
  appointment: AppointmentFields;
  preConsultation: PreConsultationFields;
  substitution: SubstitutionFields;
  goal: GoalFields;
  comment: CommentFields;
  partner: PartnerFields;
};
