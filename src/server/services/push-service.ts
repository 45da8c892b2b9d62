// Applies a device's mutations, each exactly once, each in its own transaction.
//
// The mutation id is recorded in applied_mutations in the same transaction as the
// record write, so a retried push finds it and answers 'duplicate' without
// changing anything. A rejected mutation rolls back its own transaction only and
// is answered on its own; the rest of the batch goes on. An applied one queues
// its live events (live/live-hub.ts) in the same transaction: they go out on commit.
import { type Mutation, type MutationOp, type MutationResult, ResolveData } from '../../shared/protocol';
import type { FieldsOf, MutableEntity } from '../../shared/records';
import { type Database, isDataException, type Queryable } from '../db/database';
import {
  findAppliedMutation,
  insertAppliedMutation,
  lockMutationId,
} from '../repositories/applied-mutations';
import { appendAudit } from '../repositories/audit-log';
import { caseIdOf } from './case-of-record';
import { type Clock, localDay, systemClock } from './clock';
import type { LiveHub } from './live/live-hub';
import type { TeamEvent } from './live/team-event';
import { applyCreate } from './mutations/apply-create';
import { applyDelete } from './mutations/apply-delete';
import { applyResolve } from './mutations/apply-resolve';
import { applyUpdate } from './mutations/apply-update';
import type { MutationContext } from './mutations/common';
import { parseData, storageRejection } from './mutations/mutation-input';
import { rulesOf } from './mutations/rules';
import type { Outcome } from './mutations/write-change';
import { MutationRejected, reject } from './rejection';
import type { Retention } from './retention';
import { transactionWithRetries } from './retry';
import type { SubstitutionPeriods } from './substitution-periods';
import type { Actor } from './visibility';

/** `data` has been validated by mutationDataSchema(entity, op), so it has the entity's field types. */
async function applyOp<E extends MutableEntity>(
  entity: E,
  op: MutationOp,
  ctx: MutationContext,
  data: Record<string, unknown>,
): Promise<Outcome<E>> {
  const rules = rulesOf[entity];
  switch (op) {
    case 'create':
      return {
        record: await applyCreate(entity, rules, ctx, data as unknown as FieldsOf[E]),
        deleted: false,
      };
    case 'update':
      return {
        record: await applyUpdate(entity, rules, ctx, data as unknown as Partial<FieldsOf[E]>),
        deleted: false,
      };
    case 'delete':
      return applyDelete(entity, rules, ctx);
    case 'resolve':
      return applyResolve(entity, rules, ctx, ResolveData.parse(data));
  }
}

function rejected(id: string, error: MutationRejected): MutationResult {
  return {
    id,
    status: 'rejected',
    code: error.code,
    httpStatus: error.httpStatus,
    message: error.message,
    field: error.field,
  };
}

/** Counts by outcome; refused mutations in full, as they may be attempts on others' data. */
function auditDetail(
  mutations: readonly Mutation[],
  results: readonly MutationResult[],
): Record<string, unknown> {
  const counts = { applied: 0, duplicate: 0, rejected: 0 };
  const refused = [];
  for (const [index, result] of results.entries()) {
    counts[result.status]++;
    const mutation = mutations[index];
    if (result.status === 'rejected' && mutation) {
      refused.push({
        id: result.id,
        entity: mutation.entity,
        recordId: mutation.recordId,
        code: result.code,
      });
    }
  }
  return { counts, rejected: refused };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The case a refused mutation aimed at, as far as it names one. */
function attemptedCaseIdOf(mutation: Mutation): string | null {
  const id = mutation.entity === 'case' ? mutation.recordId : mutation.data.caseId;
  return typeof id === 'string' && UUID.test(id) ? id : null;
}

/** Tables whose rows name their case in case_id (a refused edit of one is an attempt on that case). */
const caseChildTables: Partial<Record<MutableEntity, string>> = {
  note: 'notes',
  appointment: 'appointments',
  substitution: 'substitutions',
  goal: 'goals',
  comment: 'comments',
};

/** The case of the stored record a refused mutation named, if it is a case's child. */
async function storedCaseIdOf(db: Database, mutation: Mutation): Promise<string | null> {
  const table = caseChildTables[mutation.entity];
  if (!table || mutation.op === 'create') return null;
  const rows = await db.query<{ caseId: string }>(
    `SELECT case_id::text AS "caseId" FROM ${table} WHERE id = $1`,
    [mutation.recordId],
  );
  return rows[0]?.caseId ?? null;
}

export interface PushServiceOptions {
  clock?: Clock;
  /** Brings substitution grants up to date before mutations are checked against them. */
  substitutionPeriods?: SubstitutionPeriods;
  /** Erases records past their deletion date before mutations may touch them. */
  retention?: Pick<Retention, 'ensureCurrent'>;
  /** Where applied mutations announce themselves to open event streams. */
  live?: Pick<LiveHub, 'publish'>;
}

export function createPushService(db: Database, options: PushServiceOptions = {}) {
  const clock = options.clock ?? systemClock;

  async function applyInTransaction(
    tx: Queryable,
    actor: Actor,
    deviceId: string | null,
    mutation: Mutation,
    touched: Set<string>,
  ): Promise<MutationResult> {
    await lockMutationId(tx, mutation.id);
    const earlier = await findAppliedMutation(tx, mutation.id);
    if (earlier) {
      if (earlier.userId !== actor.id || earlier.recordId !== mutation.recordId) {
        throw reject.conflict('Diese Mutations-ID wurde bereits für eine andere Änderung verwendet', 'id');
      }
      const record = await rulesOf[earlier.entity].findVisible(tx, actor, earlier.recordId);
      const caseId = record ? caseIdOf(earlier.entity, record) : null;
      if (caseId) touched.add(caseId);
      return { id: mutation.id, status: 'duplicate', record };
    }
    const ctx: MutationContext = {
      tx,
      actor,
      recordId: mutation.recordId,
      origin: { userId: actor.id, deviceId, at: new Date(mutation.clientTime).toISOString() },
      baseVersion: mutation.op === 'create' ? null : mutation.baseVersion,
      today: localDay(clock()),
      events: [],
    };
    const data = parseData(mutation);
    const outcome = await applyOp(mutation.entity, mutation.op, ctx, data);
    await insertAppliedMutation(tx, {
      id: mutation.id,
      userId: actor.id,
      deviceId,
      entity: mutation.entity,
      op: mutation.op,
      recordId: mutation.recordId,
      baseVersion: ctx.baseVersion,
      resultVersion: outcome.record.version,
      data,
      clientTime: mutation.clientTime,
    });
    const changes: TeamEvent = {
      kind: 'changes',
      teamId: outcome.record.teamId,
      originDeviceId: deviceId,
      originUserId: actor.id,
    };
    await options.live?.publish(tx, [changes, ...ctx.events]);
    const caseId = caseIdOf(mutation.entity, outcome.record);
    if (caseId) touched.add(caseId);
    // A deleted record is answered as null: the pull's `removed` drops it from devices.
    return { id: mutation.id, status: 'applied', record: outcome.deleted ? null : outcome.record };
  }

  async function applyMutation(
    actor: Actor,
    deviceId: string | null,
    mutation: Mutation,
    touched: Set<string>,
  ): Promise<MutationResult> {
    try {
      return await transactionWithRetries(db, (tx) =>
        applyInTransaction(tx, actor, deviceId, mutation, touched),
      );
    } catch (error) {
      // A refused attempt on a case is part of that case's trail too.
      const attempted = attemptedCaseIdOf(mutation) ?? (await storedCaseIdOf(db, mutation));
      if (attempted) touched.add(attempted);
      if (error instanceof MutationRejected) return rejected(mutation.id, error);
      if (isDataException(error)) return rejected(mutation.id, storageRejection(error, mutation));
      throw error;
    }
  }

  return {
    /** Applies the mutations in order; one answer per mutation, in the same order. */
    async push(
      actor: Actor,
      deviceId: string | null,
      mutations: readonly Mutation[],
    ): Promise<MutationResult[]> {
      await options.substitutionPeriods?.ensureCurrent();
      await options.retention?.ensureCurrent();
      const results: MutationResult[] = [];
      const touched = new Set<string>();
      for (const mutation of mutations) results.push(await applyMutation(actor, deviceId, mutation, touched));
      await appendAudit(db, {
        userId: actor.id,
        deviceId,
        action: 'push',
        detail: auditDetail(mutations, results),
        caseIds: [...touched],
      });
      return results;
    },
  };
}

export type PushService = ReturnType<typeof createPushService>;
