// Push: the device sends its outbox in order, in batches. Every mutation carries
// an id made on the device; the server applies each id at most once and answers
// every mutation on its own (applied / duplicate / rejected), so one bad mutation
// never blocks the rest of the queue.
import { z } from 'zod';
import { Id, says, Timestamp } from '../fields';
import {
  AppointmentFields,
  CaseFields,
  CommentFields,
  fieldsSchemaOf,
  GoalFields,
  MutableEntity,
  NoteFields,
  noteHasContent,
  PartnerFields,
  PreConsultationFields,
  recordSchemaOf,
  SubstitutionFields,
} from '../records';
import { CodedMessage } from './errors';
import { MAX_PUSH_BATCH } from './version';

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

/**
 * What makes two mutation ids the same mutation. Ids are uuids, which PostgreSQL
 * stores and compares in lower case, so "AB…" and "ab…" are one id: every
 * comparison of mutation ids (a batch's repeats, the server's applied ones) goes
 * through this.
 */
export function mutationIdKey(id: string): string {
  return id.toLowerCase();
}

/**
 * The same mutation id twice in one batch is a malformed batch: an outbox never
 * holds two entries with one id, and answering the second 'duplicate' would report
 * its data as applied when only the first one's was. The repeat is named
 * (mutations.<i>.id) and the whole batch refused.
 */
function eachIdOnce(mutations: readonly { id: unknown }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const [index, mutation] of mutations.entries()) {
    if (typeof mutation.id !== 'string') continue;
    const key = mutationIdKey(mutation.id);
    if (seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: [index, 'id'], ...says('repeatedInPush') });
      return;
    }
    seen.add(key);
  }
}

/** A push batch of `mutation`s: 1 to MAX_PUSH_BATCH, each id once (see eachIdOnce). */
export function mutationBatchOf<M extends z.ZodType<Mutation>>(mutation: M) {
  return z.array(mutation).min(1).max(MAX_PUSH_BATCH).superRefine(eachIdOnce);
}

export const PushRequest = z.object({
  mutations: mutationBatchOf(Mutation),
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
