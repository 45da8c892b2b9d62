// Building blocks shared by the per-entity mutation rules.
import { randomUUID } from 'node:crypto';
import type { MessageKey } from '../../../shared/messages';
import type {
  CaseRecord,
  Conflict,
  ConflictCandidate,
  FieldsOf,
  MutableEntity,
  RecordOf,
} from '../../../shared/records';
import type { Queryable } from '../../db/database';
import type { Origin } from '../../repositories/field-meta';
import {
  findRecord,
  findStoredRecord,
  type RowLock,
  type StoredRecord,
  type WriteMeta,
} from '../../repositories/records';
import { latestLossOf } from '../../repositories/scope-changes';
import { nextSeq } from '../../repositories/sync-sequence';
import type { TeamEvent } from '../live/team-event';
import { type Refusal, reject } from '../refusal';
import { type Actor, mayWorkOnCase } from '../visibility';

export interface MutationContext {
  tx: Queryable;
  actor: Actor;
  recordId: string;
  /** Who makes the change, from which device, and when (the device's clientTime). */
  origin: Origin;
  /** The server version the device's edit was based on; null for create. */
  baseVersion: number | null;
  /** The server's day (YYYY-MM-DD): substitutions in force today grant access. */
  today: string;
  /** Live events the mutation causes beyond "changes" (a § 8a concern); sent on commit. */
  events: TeamEvent[];
}

/** The entities that hang off a case (they carry its caseId and go where it goes). */
export type CaseChildEntity = 'note' | 'appointment' | 'substitution' | 'goal' | 'comment';

/** Why a mutation changes fields: a person's edit, or the resolution of a conflict. */
export type ChangePurpose = 'edit' | 'resolve';

/**
 * What is special about one entity; the generic create / update / delete /
 * resolve flows (apply-*.ts) call these hooks in a fixed order.
 */
export interface EntityRules<E extends MutableEntity> {
  /** Checks a new record and returns its stored values (the data plus teamId, owner fields). */
  prepareCreate(ctx: MutationContext, data: FieldsOf[E]): Promise<Record<string, unknown>>;
  /**
   * Locks the record (deleted or not) after what it hangs off, in the lock order of
   * every writer, and returns it; refuses when the actor may not edit it.
   * `patch`: the fields an update would set (an appointment may move to another case).
   */
  lockForEdit(ctx: MutationContext, patch: Partial<FieldsOf[E]>): Promise<StoredRecord<E>>;
  /** Permission and reference checks of fields about to be set. */
  checkChange(
    ctx: MutationContext,
    current: RecordOf[E],
    patch: Partial<FieldsOf[E]>,
    purpose: ChangePurpose,
  ): Promise<void>;
  /** Deletable entities only: refuses when the actor may not delete the record now. */
  checkDelete?(ctx: MutationContext, current: RecordOf[E]): void;
  /** Server-set values that follow from the applied ones (reviewedBy, amendments); may refuse the result. */
  derive?(ctx: MutationContext, before: RecordOf[E], applied: Partial<FieldsOf[E]>): Record<string, unknown>;
  /** Locks the write needs beyond the record, taken before the sequence number. */
  beforeStamp?(
    ctx: MutationContext,
    before: RecordOf[E] | null,
    applied: Partial<FieldsOf[E]>,
  ): Promise<void>;
  /** Scope changes that follow from the write (reassignment, substitution grants). */
  afterWrite?(
    ctx: MutationContext,
    before: RecordOf[E] | null,
    after: RecordOf[E],
    deleted: boolean,
  ): Promise<void>;
  /** The current record if the caller may see it (answers a duplicate push). */
  findVisible(tx: Queryable, actor: Actor, id: string): Promise<RecordOf[E] | null>;
}

export async function assertRecordIdUnused(ctx: MutationContext, entity: MutableEntity): Promise<void> {
  if (await findStoredRecord(ctx.tx, entity, ctx.recordId)) {
    throw reject.conflict('recordIdTaken');
  }
}

const lossMessages = {
  reassigned: 'caseReassigned',
  substitution_ended: 'substitutionEnded',
} as const satisfies Record<string, MessageKey>;

/**
 * The refusal for a case the actor may not work on. Someone who had the case and
 * lost it (reassigned away, substitution over) learns why; anyone else learns
 * nothing about cases that are not theirs ("not found").
 */
export async function caseRefusal(
  ctx: MutationContext,
  caseId: string,
  notFound: MessageKey,
  field: string | null,
): Promise<Refusal> {
  const loss = await latestLossOf(ctx.tx, ctx.actor.id, caseId);
  if (!loss) return reject.notFound(notFound, field);
  return reject.forbidden(lossMessages[loss], field);
}

/** The refusal of any change to a closed case or to what hangs off it (read-only until reopened). */
export function rejectClosedCase(field: string | null = null): Refusal {
  return reject.forbidden('caseClosed', field);
}

/** A closed case takes no new or changed notes, appointments, goals, comments or substitutions. */
export function assertCaseOpenForChildren(found: Pick<CaseRecord, 'status'>, field: string | null): void {
  if (found.status === 'closed') throw rejectClosedCase(field);
}

/**
 * The case a record is written against, locked so its assignment cannot change
 * before this transaction ends (`share` for notes and appointments; `update` where
 * the case's children are re-stamped). Null when the actor may not work on it.
 */
export async function lockAccessibleCase(
  ctx: MutationContext,
  caseId: string,
  lock: RowLock = 'share',
): Promise<CaseRecord | null> {
  const found = await findRecord(ctx.tx, 'case', caseId, lock);
  return found && (await mayWorkOnCase(ctx.tx, ctx.actor, found)) ? found : null;
}

/** A child of a case if the actor may work on its case (answers a duplicate push). */
export async function findVisibleCaseChild<E extends CaseChildEntity>(
  tx: Queryable,
  actor: Actor,
  entity: E,
  id: string,
): Promise<RecordOf[E] | null> {
  const found = await findRecord(tx, entity, id);
  const caseOfRecord = found && (await findRecord(tx, 'case', found.caseId));
  return found && caseOfRecord && (await mayWorkOnCase(tx, actor, caseOfRecord)) ? found : null;
}

/**
 * Locks a child of a case for an edit: its case first (FOR SHARE, so the case's
 * assignment cannot change meanwhile), then the record - the lock order of every
 * writer: case, record, sync counter. Refuses when the actor may not work on the
 * case (anymore).
 */
export async function lockCaseChildForEdit<E extends CaseChildEntity>(
  ctx: MutationContext,
  entity: E,
  notFound: MessageKey,
): Promise<StoredRecord<E>> {
  const unlocked = await findStoredRecord(ctx.tx, entity, ctx.recordId);
  if (!unlocked) throw reject.notFound(notFound);
  const caseId = unlocked.record.caseId;
  const caseOfRecord = await lockAccessibleCase(ctx, caseId);
  if (!caseOfRecord) throw await caseRefusal(ctx, caseId, notFound, null);
  assertCaseOpenForChildren(caseOfRecord, null);
  return (await findStoredRecord(ctx.tx, entity, ctx.recordId, 'update')) ?? unlocked;
}

/** The case a new child is written against, locked; refused when the actor may not work on it or it is closed. */
export async function loadWritableCase(
  ctx: MutationContext,
  caseId: string,
  field: string | null,
  lock: RowLock = 'share',
): Promise<CaseRecord> {
  const found = await lockAccessibleCase(ctx, caseId, lock);
  if (!found) throw await caseRefusal(ctx, caseId, 'caseNotFound', field);
  assertCaseOpenForChildren(found, field);
  return found;
}

/** Takes the sequence number for the write; call right before writing (see sync-sequence.ts). */
export async function stampWrite(ctx: MutationContext): Promise<WriteMeta> {
  return { userId: ctx.actor.id, seq: await nextSeq(ctx.tx) };
}

/** The refusal of a change to a record that was deleted meanwhile. */
export const deletedMessageOf: Record<MutableEntity, MessageKey> = {
  case: 'caseDeleted',
  note: 'noteDeleted',
  appointment: 'appointmentDeleted',
  preConsultation: 'preConsultationDeleted',
  substitution: 'substitutionDeleted',
  goal: 'goalDeleted',
  comment: 'commentDeleted',
  partner: 'partnerDeleted',
};

/** New conflicts get a fresh id and the server's time. */
export function newConflict(field: string, candidates: ConflictCandidate[]): Conflict {
  return { id: randomUUID(), field, candidates, createdAt: new Date().toISOString() };
}

/**
 * The version the device's edit was based on. Required for every op but create
 * (the merge needs it), and never newer than the record: such a number was not
 * handed out by this server.
 */
export function requireBaseVersion(ctx: MutationContext, currentVersion: number): number {
  if (ctx.baseVersion === null) {
    throw reject.invalid('baseVersionMissing', 'baseVersion');
  }
  if (ctx.baseVersion > currentVersion) {
    throw reject.invalid('baseVersionTooNew', 'baseVersion', {
      base: ctx.baseVersion,
      current: currentVersion,
    });
  }
  return ctx.baseVersion;
}
