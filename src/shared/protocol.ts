// The sync protocol between a device and the server: one definition for both.
//
// Push: the device sends its outbox in order, in batches. Every mutation carries
// an id made on the device; the server applies each id at most once and answers
// every mutation on its own (applied / duplicate / rejected), so one bad mutation
// never blocks the rest of the queue.
//
// Pull: the device sends the opaque cursor of its last pull and receives the
// records visible to it that changed since, in commit order, in batches, plus a
// new cursor. `hasMore` says to pull again at once.
import { z } from 'zod';
import { Id, Timestamp } from './fields';
import {
  AppointmentFields,
  CaseFields,
  MemberRecord,
  MutableEntity,
  NoteFields,
  PreConsultationFields,
  Role,
  recordSchemaOf,
  SubstitutionFields,
  SyncedEntity,
} from './records';

/** Bumped on any incompatible change; an outdated app gets HTTP 426 and keeps its outbox. */
export const PROTOCOL_VERSION = 1;
export const PROTOCOL_HEADER = 'x-feldakte-protocol';
export const DEVICE_HEADER = 'x-feldakte-device';

export const MAX_PUSH_BATCH = 100;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 2000;

// --- Mutations ------------------------------------------------------------------

/**
 * create / update: the fields; update carries the version it was based on and
 * the server merges per field (only a field changed on both sides is a conflict).
 * delete: no data; a delete of a record someone else edited meanwhile is a conflict.
 * resolve: settles one open conflict of the record with the chosen (or a merged) value.
 */
export const MutationOp = z.enum(['create', 'update', 'delete', 'resolve']);
export type MutationOp = z.infer<typeof MutationOp>;

/** The envelope is validated first; `data` is then validated per entity and op (see mutationDataSchema). */
export const Mutation = z.object({
  id: Id,
  entity: MutableEntity,
  op: MutationOp,
  recordId: Id,
  /** Server version the device's edit was based on (0: based on this device's own create); null for create. */
  baseVersion: z.number().int().min(0).nullable(),
  data: z.record(z.string(), z.unknown()),
  clientTime: Timestamp,
});
export type Mutation = z.infer<typeof Mutation>;

/** Fields that never change after a record is created. */
const updatable = {
  case: CaseFields,
  note: NoteFields.omit({ caseId: true }),
  appointment: AppointmentFields,
  preConsultation: PreConsultationFields,
  substitution: SubstitutionFields.omit({ caseId: true, substituteId: true }),
} as const;

const createSchemas = {
  case: CaseFields.strict(),
  note: NoteFields.strict(),
  appointment: AppointmentFields.strict(),
  preConsultation: PreConsultationFields.strict(),
  substitution: SubstitutionFields.strict(),
} as const;

const updateSchemas = {
  case: updatable.case.partial().strict(),
  note: updatable.note.partial().strict(),
  appointment: updatable.appointment.partial().strict(),
  preConsultation: updatable.preConsultation.partial().strict(),
  substitution: updatable.substitution.partial().strict(),
} as const;

export const DeleteData = z.object({}).strict();

/** `value` is checked against the conflicted field's own schema by the receiver. */
export const ResolveData = z.object({ conflictId: Id, value: z.unknown() }).strict();
export type ResolveData = z.infer<typeof ResolveData>;

/** Entities a device may delete (cases are closed, never deleted; notes only while unreviewed). */
export const DeletableEntity = z.enum(['note', 'appointment', 'preConsultation', 'substitution']);

export function mutationDataSchema(entity: MutableEntity, op: MutationOp) {
  switch (op) {
    case 'create':
      return createSchemas[entity];
    case 'update':
      return updateSchemas[entity];
    case 'delete':
      return DeleteData;
    case 'resolve':
      return ResolveData;
  }
}

/** The schema of one writable field, e.g. to check a conflict's resolved value. */
export function fieldSchema(entity: MutableEntity, field: string): z.ZodType | undefined {
  const shape: Record<string, z.ZodType> = createSchemas[entity].shape;
  return Object.hasOwn(shape, field) ? shape[field] : undefined;
}

export const PushRequest = z.object({
  mutations: z.array(Mutation).min(1).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const RejectionCode = z.enum(['invalid', 'forbidden', 'not_found', 'conflict']);
export type RejectionCode = z.infer<typeof RejectionCode>;

const StoredRecord = z.union([
  recordSchemaOf.case,
  recordSchemaOf.note,
  recordSchemaOf.appointment,
  recordSchemaOf.preConsultation,
  recordSchemaOf.substitution,
]);

export const MutationResult = z.discriminatedUnion('status', [
  /** Applied now, or earlier (duplicate): `record` is the current server state. */
  z.object({ id: Id, status: z.enum(['applied', 'duplicate']), record: StoredRecord.nullable() }),
  z.object({
    id: Id,
    status: z.literal('rejected'),
    code: RejectionCode,
    /** HTTP-like status for the single mutation: 400, 403, 404 or 409. */
    httpStatus: z.number().int(),
    message: z.string(),
    field: z.string().nullable(),
  }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({ results: z.array(MutationResult) });
export type PushResponse = z.infer<typeof PushResponse>;

// --- Pull -----------------------------------------------------------------------

/** Cursor is opaque to the device: a decimal string, "0" for the first pull. */
export const Cursor = z.string().regex(/^\d{1,19}$/, { message: 'muss ein gültiger Cursor sein' });

export const PullQuery = z.object({
  cursor: Cursor.default('0'),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});
export type PullQuery = z.infer<typeof PullQuery>;

export const Change = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('case'), record: recordSchemaOf.case }),
  z.object({ entity: z.literal('note'), record: recordSchemaOf.note }),
  z.object({ entity: z.literal('appointment'), record: recordSchemaOf.appointment }),
  z.object({ entity: z.literal('preConsultation'), record: recordSchemaOf.preConsultation }),
  z.object({ entity: z.literal('substitution'), record: recordSchemaOf.substitution }),
  z.object({ entity: z.literal('member'), record: MemberRecord }),
]);
export type Change = z.infer<typeof Change>;

export const Removal = z.object({ entity: SyncedEntity, id: Id });
export type Removal = z.infer<typeof Removal>;

export const PullResponse = z.object({
  cursor: Cursor,
  hasMore: z.boolean(),
  changes: z.array(Change),
  /**
   * Records that were deleted or left this user's scope (case reassigned, substitution
   * ended). A removed case takes its notes and appointments with it. The device
   * pushes its pending edits of a removed record before it drops it.
   */
  removed: z.array(Removal),
});
export type PullResponse = z.infer<typeof PullResponse>;

// --- Auth -----------------------------------------------------------------------

export const LoginRequest = z.object({
  username: z.string().trim().min(1, { message: 'darf nicht leer sein' }).max(100),
  password: z.string().min(1, { message: 'darf nicht leer sein' }).max(1000),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SessionUser = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  teamId: Id,
  teamName: z.string(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginResponse = z.object({
  token: z.string(),
  expiresAt: Timestamp,
  user: SessionUser,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

// --- Errors ---------------------------------------------------------------------

export const ErrorCode = z.enum([
  'invalid',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'upgrade_required',
  'rate_limited',
  'payload_too_large',
  'internal',
]);

/** Body of every non-2xx answer. `field` names the offending field, e.g. "mutations.3.data.text". */
export const ApiError = z.object({
  error: z.object({ code: ErrorCode, message: z.string(), field: z.string().nullable() }),
});
export type ApiError = z.infer<typeof ApiError>;

export const HealthResponse = z.object({
  status: z.literal('ok'),
  protocolVersion: z.number(),
  database: z.string(),
});
