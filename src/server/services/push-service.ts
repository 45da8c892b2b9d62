// Applies a device's mutations, each exactly once, each in its own transaction.
//
// The mutation id is recorded in applied_mutations in the same transaction as the
// record write, so a retried push finds it and answers 'duplicate' without
// changing anything. A rejected mutation rolls back its own transaction only and
// is answered on its own; the rest of the batch goes on.

import type { Mutation, MutationResult } from '../../shared/protocol';
import { mutationDataSchema } from '../../shared/protocol';
import type { FieldsOf, MutableEntity, RecordOf } from '../../shared/records';
import { describeZodError } from '../../shared/validation';
import { type Database, PgErrorCode, pgErrorCode, type Queryable } from '../db/database';
import { findAppliedMutation, insertAppliedMutation } from '../repositories/applied-mutations';
import { appendAudit } from '../repositories/audit-log';
import type { EntityRules, MutationContext } from './mutations/common';
import { rulesOf } from './mutations/rules';
import { MutationRejected, reject } from './rejection';
import type { Actor } from './visibility';

/**
 * Errors after which the whole mutation is simply tried again: a concurrent push
 * of the same mutation id or record id won the race (the retry then answers
 * duplicate or conflict), or PostgreSQL broke a lock cycle.
 */
const RETRYABLE = new Set<string>([
  PgErrorCode.uniqueViolation,
  PgErrorCode.deadlockDetected,
  PgErrorCode.serializationFailure,
]);
const MAX_ATTEMPTS = 4;

interface Applied {
  record: RecordOf[MutableEntity];
  /** The data as validated (trimmed), as stored. */
  data: Record<string, unknown>;
}

async function applyWith<E extends MutableEntity>(
  rules: EntityRules<E>,
  ctx: MutationContext,
  mutation: Mutation,
): Promise<Applied> {
  const parsed = mutationDataSchema(mutation.entity, mutation.op).safeParse(mutation.data);
  if (!parsed.success) {
    const problem = describeZodError(parsed.error);
    throw reject.invalid(problem.message, problem.field);
  }
  // The schema was chosen by this entity and op, so the data has the entity's field types.
  const record =
    mutation.op === 'create'
      ? await rules.create(ctx, parsed.data as FieldsOf[E])
      : await rules.update(ctx, parsed.data as Partial<FieldsOf[E]>);
  return { record, data: parsed.data };
}

function applyData(ctx: MutationContext, mutation: Mutation): Promise<Applied> {
  switch (mutation.entity) {
    case 'case':
      return applyWith(rulesOf.case, ctx, mutation);
    case 'note':
      return applyWith(rulesOf.note, ctx, mutation);
    case 'appointment':
      return applyWith(rulesOf.appointment, ctx, mutation);
    case 'preConsultation':
      return applyWith(rulesOf.preConsultation, ctx, mutation);
  }
}

async function applyInTransaction(
  tx: Queryable,
  actor: Actor,
  deviceId: string | null,
  mutation: Mutation,
): Promise<MutationResult> {
  const earlier = await findAppliedMutation(tx, mutation.id);
  if (earlier) {
    if (earlier.userId !== actor.id || earlier.recordId !== mutation.recordId) {
      throw reject.conflict('Diese Mutations-ID wurde bereits für eine andere Änderung verwendet', 'id');
    }
    const record = await rulesOf[earlier.entity].findVisible(tx, actor, earlier.recordId);
    return { id: mutation.id, status: 'duplicate', record };
  }
  const { record, data } = await applyData({ tx, actor, recordId: mutation.recordId }, mutation);
  await insertAppliedMutation(tx, {
    id: mutation.id,
    userId: actor.id,
    deviceId,
    entity: mutation.entity,
    op: mutation.op,
    recordId: mutation.recordId,
    baseVersion: mutation.baseVersion,
    resultVersion: record.version,
    data,
    clientTime: mutation.clientTime,
  });
  return { id: mutation.id, status: 'applied', record };
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
  const rejected = [];
  for (const [index, result] of results.entries()) {
    counts[result.status]++;
    const mutation = mutations[index];
    if (result.status === 'rejected' && mutation) {
      rejected.push({
        id: result.id,
        entity: mutation.entity,
        recordId: mutation.recordId,
        code: result.code,
      });
    }
  }
  return { counts, rejected };
}

export function createPushService(db: Database) {
  async function applyMutation(
    actor: Actor,
    deviceId: string | null,
    mutation: Mutation,
  ): Promise<MutationResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction((tx) => applyInTransaction(tx, actor, deviceId, mutation));
      } catch (error) {
        if (error instanceof MutationRejected) return rejected(mutation.id, error);
        const code = pgErrorCode(error);
        if (code !== undefined && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  return {
    /** Applies the mutations in order; one answer per mutation, in the same order. */
    async push(
      actor: Actor,
      deviceId: string | null,
      mutations: readonly Mutation[],
    ): Promise<MutationResult[]> {
      const results: MutationResult[] = [];
      for (const mutation of mutations) results.push(await applyMutation(actor, deviceId, mutation));
      await appendAudit(db, {
        userId: actor.id,
        deviceId,
        action: 'push',
        detail: auditDetail(mutations, results),
      });
      return results;
    },
  };
}

export type PushService = ReturnType<typeof createPushService>;
