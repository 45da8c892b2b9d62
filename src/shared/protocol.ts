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
import { Id, says, Timestamp } from './fields';
import {
  AppointmentFields,
  CaseFields,
  CommentFields,
  fieldsSchemaOf,
  GoalFields,
  MemberRecord,
  MutableEntity,
  NoteFields,
  noteHasContent,
  PartnerFields,
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

/**
 * The fields of an update: every field optional and none defaulted. (A default
 * inside a partial object still fills in a missing key, so an update that omits
 * a defaulted field would silently reset it.)
 */
function patchOf<Shape extends z.ZodRawShape>(fields: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(
    Object.entries(fields.shape).map(([key, schema]) => [
      key,
      schema instanceof z.ZodDefault ? schema.unwrap() : schema,
    ]),
  ) as z.ZodRawShape;
  return z.object(shape).partial().strict() as unknown as z.ZodType<Partial<z.infer<z.ZodObject<Shape>>>>;
}

const createSchemas = {
  case: CaseFields.strict(),
  note: NoteFields.strict().refine(noteHasContent, { ...says('noteWithoutContent'), path: ['text'] }),
  appointment: AppointmentFields.strict(),
  preConsultation: PreConsultationFields.strict(),
  substitution: SubstitutionFields.strict(),
  goal: GoalFields.strict(),
  comment: CommentFields.strict(),
  partner: PartnerFields.strict(),
} as const;

/** Updates leave out the fields that never change after a record is created. */
const updateSchemas = {
  case: patchOf(CaseFields),
  note: patchOf(NoteFields.omit({ caseId: true })),
  appointment: patchOf(AppointmentFields),
  preConsultation: patchOf(PreConsultationFields),
  substitution: patchOf(SubstitutionFields.omit({ caseId: true, substituteId: true })),
  goal: patchOf(GoalFields.omit({ caseId: true })),
  comment: patchOf(CommentFields.omit({ caseId: true, noteId: true })),
  partner: patchOf(PartnerFields),
} as const;

export const DeleteData = z.object({}).strict();

/** `value` is checked against the conflicted field's own schema by the receiver. */
export const ResolveData = z.object({ conflictId: Id, value: z.unknown() }).strict();
export type ResolveData = z.infer<typeof ResolveData>;

/** Entities a device may delete (cases are closed, never deleted; notes only while unreviewed). */
export const DeletableEntity = MutableEntity.exclude(['case']);

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
  const shape: Record<string, z.ZodType> = fieldsSchemaOf[entity].shape;
  if (!Object.hasOwn(shape, field)) return undefined;
  const schema = shape[field];
  return schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
}

export const PushRequest = z.object({
  mutations: z.array(Mutation).min(1).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const RejectionCode = z.enum(['invalid', 'forbidden', 'not_found', 'conflict']);

/**
 * The message as a key of shared/messages.ts with its parameters, for the UI to
 * say in its language; `message` stays the German text. Optional: older servers
 * do not send it, and a key this app does not know falls back to `message`.
 */
const CodedMessage = {
  messageKey: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
};
export type RejectionCode = z.infer<typeof RejectionCode>;

const StoredRecord = z.union([
  recordSchemaOf.case,
  recordSchemaOf.note,
  recordSchemaOf.appointment,
  recordSchemaOf.preConsultation,
  recordSchemaOf.substitution,
  recordSchemaOf.goal,
  recordSchemaOf.comment,
  recordSchemaOf.partner,
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
    ...CodedMessage,
  }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({ results: z.array(MutationResult) });
export type PushResponse = z.infer<typeof PushResponse>;

// --- Pull -----------------------------------------------------------------------

/** Cursor is opaque to the device: a decimal string, "0" for the first pull. */
export const Cursor = z.string().regex(/^\d{1,19}$/, says('notCursor'));

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
  z.object({ entity: z.literal('goal'), record: recordSchemaOf.goal }),
  z.object({ entity: z.literal('comment'), record: recordSchemaOf.comment }),
  z.object({ entity: z.literal('partner'), record: recordSchemaOf.partner }),
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

// --- Device status ----------------------------------------------------------------

/**
 * What a device reports at the end of every sync cycle it could reach the server
 * in (POST /api/devices/status, device id from the header): what is still waiting
 * in its outbox. Leads see it per device on the caseload screen, so a change stuck
 * on a phone for days is noticed before it matters.
 */
export const DeviceStatusReport = z
  .object({
    /** Outbox entries not yet acknowledged (pending and rejected). */
    pendingCount: z.number().int().min(0).max(10_000_000),
    /** clientTime of the oldest of them; null when the outbox is empty. */
    oldestPendingAt: Timestamp.nullable(),
  })
  .strict();
export type DeviceStatusReport = z.infer<typeof DeviceStatusReport>;

/** GET /api/team/devices (leads): the last report of every device of the team's members. */
export const DeviceStatus = DeviceStatusReport.extend({
  deviceId: z.string(),
  userId: Id,
  /** When the server last heard from the device (any authenticated request). */
  lastSeenAt: Timestamp,
  /** When the device last sent a status report. */
  reportedAt: Timestamp,
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;
export const TeamDevicesResponse = z.object({ devices: z.array(DeviceStatus) });
export type TeamDevicesResponse = z.infer<typeof TeamDevicesResponse>;

// --- Live events (GET /api/events, text/event-stream) ------------------------------

/**
 * Server-sent events, read with fetch (the Bearer token goes in a header, which
 * EventSource cannot send). Every event's `data` is one JSON LiveEvent; the SSE
 * `event:` name equals its `type`. Events carry ids only, never case content: the
 * device pulls to get the records, through the normal visibility rules.
 *   changes: something the user may see changed; pull now.
 *   concern: a note with a § 8a concern was written (sent to the team's leads only).
 * A comment line (": keep-alive") is sent every 25 s so proxies keep the stream open.
 */
export const LiveEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('changes') }),
  z.object({
    type: z.literal('concern'),
    noteId: Id,
    caseId: Id,
    authorId: Id,
    at: Timestamp,
  }),
]);
export type LiveEvent = z.infer<typeof LiveEvent>;

// --- Auth -----------------------------------------------------------------------

export const LoginRequest = z.object({
  username: z.string().trim().min(1, says('empty')).max(100),
  password: z.string().min(1, says('empty')).max(1000),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** Bounds of a team's auto-lock setting (minutes without input). */
export const LOCK_AFTER_MINUTES_MIN = 1;
export const LOCK_AFTER_MINUTES_MAX = 120;

export const SessionUser = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  teamId: Id,
  teamName: z.string(),
  /**
   * The team's setting: the app locks after this many minutes without input
   * (issue 5). The default keeps sessions stored by an older app readable.
   */
  lockAfterMinutes: z.number().int().min(LOCK_AFTER_MINUTES_MIN).max(LOCK_AFTER_MINUTES_MAX).default(10),
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
  /** The session, device or user was revoked by a lead: the app wipes its local data. */
  'revoked',
]);

/** Body of every non-2xx answer. `field` names the offending field, e.g. "mutations.3.data.text". */
export const ApiError = z.object({
  error: z.object({ code: ErrorCode, message: z.string(), field: z.string().nullable(), ...CodedMessage }),
});
export type ApiError = z.infer<typeof ApiError>;

export const HealthResponse = z.object({
  status: z.literal('ok'),
  protocolVersion: z.number(),
  database: z.string(),
});

// --- Data protection (issue 5) ------------------------------------------------------

/** One entry of a case's audit trail (GET /api/cases/:caseId/audit, the case team's lead only). */
export const CaseAuditEntry = z.object({
  id: z.string(),
  at: Timestamp,
  /** Who (null: a failed login of an unknown name); the name as it is now. */
  userId: Id.nullable(),
  userName: z.string().nullable(),
  /** Which device (x-feldakte-device), when it said. */
  deviceId: z.string().nullable(),
  /** What: login, pull, push, case_audit, case_export, retention_erased, ... */
  action: z.string(),
  /** Ids and counts only, never case content. */
  detail: z.record(z.string(), z.unknown()),
});
export type CaseAuditEntry = z.infer<typeof CaseAuditEntry>;
export const CaseAuditResponse = z.object({ caseId: Id, entries: z.array(CaseAuditEntry) });
export type CaseAuditResponse = z.infer<typeof CaseAuditResponse>;

/**
 * GET /api/cases/:caseId/export (the case team's lead only): everything stored
 * about one case for the data subject (Art. 15 GDPR), sent as a JSON file
 * download. Records are as stored, deleted ones included (`deletedAt`).
 */
export const CaseExport = z.object({
  format: z.literal('feldakte-case-export'),
  version: z.literal(1),
  exportedAt: Timestamp,
  exportedBy: Id,
  /** When the case will be erased (closed cases only; null while open). */
  deletionDate: Timestamp.nullable(),
  case: z.record(z.string(), z.unknown()),
  notes: z.array(z.record(z.string(), z.unknown())),
  appointments: z.array(z.record(z.string(), z.unknown())),
  goals: z.array(z.record(z.string(), z.unknown())),
  comments: z.array(z.record(z.string(), z.unknown())),
  substitutions: z.array(z.record(z.string(), z.unknown())),
  preConsultations: z.array(z.record(z.string(), z.unknown())),
  audit: z.array(CaseAuditEntry),
});
export type CaseExport = z.infer<typeof CaseExport>;

// --- Sessions with refresh and revocation (issue 5) ------------------------------------

/**
 * POST /api/auth/login also accepts `refresh: true` (LoginWithRefreshRequest):
 * the device renews its access token and gets a short-lived one. Every login
 * answer carries a refresh token (SessionTokens, a LoginResponse plus two fields).
 */
export const LoginWithRefreshRequest = LoginRequest.extend({ refresh: z.boolean().optional() });
export type LoginWithRefreshRequest = z.infer<typeof LoginWithRefreshRequest>;

export const SessionTokens = LoginResponse.extend({
  /** Renews the access token once (POST /api/auth/refresh); rotated on every use. */
  refreshToken: z.string(),
  refreshExpiresAt: Timestamp,
});
export type SessionTokens = z.infer<typeof SessionTokens>;

/** POST /api/auth/refresh. 401 'revoked': the device or user was revoked; wipe local data. */
export const RefreshRequest = z.object({ refreshToken: z.string().min(20).max(200) });
export type RefreshRequest = z.infer<typeof RefreshRequest>;

/** PUT /api/team/settings (leads): the team's device policy. Answers the stored TeamSettings. */
export const TeamSettings = z.object({
  lockAfterMinutes: z.number().int().min(LOCK_AFTER_MINUTES_MIN).max(LOCK_AFTER_MINUTES_MAX),
});
export type TeamSettings = z.infer<typeof TeamSettings>;

/**
 * GET /api/devices/revocation (no login; the device id in the header): the teams
 * for which a lead revoked this device. A locked app asks, so a lost phone wipes
 * the accounts of those teams without anyone unlocking it.
 */
export const DeviceRevocation = z.object({ revokedTeamIds: z.array(Id) });
export type DeviceRevocation = z.infer<typeof DeviceRevocation>;
