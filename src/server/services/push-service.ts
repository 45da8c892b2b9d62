// Applies a device's mutations, each exactly once: the whole batch in one
// transaction, and where one is rejected, each mutation in a savepoint of its own.
//
// The mutation id is recorded in applied_mutations together with the record
// write, so a retried push finds it and answers 'duplicate' without changing
// anything. A rejected mutation rolls back to its own savepoint only and is
// answered on its own; the rest of the batch goes on. One commit per batch
// instead of one per mutation is what makes a push of 1,000 changes fast (the
// commit, with its flush to disk, was most of a mutation's cost); the batch's ids
// are locked and looked up at once, and savepoints are only paid for in a batch
// that turns out to need them (see applyBatch). The applied
// mutations' live events (live/live-hub.ts) are queued once, at the end of the
// transaction: they go out on commit, and not at all if it rolls back.

import { localIsoDate } from '../../shared/local-date';
import {
  type Mutation,
  type MutationOp,
  type MutationResult,
  mutationIdKey,
  ResolveData,
} from '../../shared/protocol';
import type { FieldsOf, MutableEntity } from '../../shared/records';
import { type Database, isDataException, type Queryable } from '../db/database';
import {
  type AppliedMutation,
  findAppliedMutations,
  insertAppliedMutation,
  lockMutationIds,
} from '../repositories/applied-mutations';
import { appendAudit } from '../repositories/audit-log';
import { findCaseIdOfChild } from '../repositories/case-children';
import { movesOf, type PersonMove } from '../repositories/person-moves';
import { inSavepoint } from '../repositories/savepoint';
import { withSeqBlocks } from '../repositories/sync-sequence';
import { caseIdOf } from './case-of-record';
import { type Clock, systemClock } from './clock';
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
import { actorWhenEdited } from './person-moves';
import { Refusal, reject } from './refusal';
import type { Retention } from './retention';
import { transactionWithRetries } from './retry';
import type { SubstitutionPeriods } from './substitution-periods';
import { type Actor, seesCaseContent } from './visibility';

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

function rejected(id: string, error: Refusal): MutationResult {
  return {
    id,
    status: 'rejected',
    code: error.code,
    httpStatus: error.httpStatus,
    message: error.message,
    field: error.field,
    messageKey: error.said.key,
    params: error.said.params,
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

/** A refusal the device is told about; anything else (a lost race, a deadlock) retries or fails the batch. */
function isRejection(error: unknown): boolean {
  return error instanceof Refusal || isDataException(error);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The case a refused mutation aimed at, as far as it names one. */
function attemptedCaseIdOf(mutation: Mutation): string | null {
  const id = mutation.entity === 'case' ? mutation.recordId : mutation.data.caseId;
  return typeof id === 'string' && UUID.test(id) ? id : null;
}

/** The case of the stored record a refused edit named, if it is a case's child (a create names none). */
async function storedCaseIdOf(tx: Queryable, mutation: Mutation): Promise<string | null> {
  if (mutation.op === 'create') return null;
  return findCaseIdOfChild(tx, mutation.entity, mutation.recordId);
}

/** One batch's transaction, whose push it is, and what it collects while its mutations apply. */
interface BatchState {
  tx: Queryable;
  actor: Actor;
  deviceId: string | null;
  /** Mutation ids applied before this batch or by it, by mutationIdKey (PostgreSQL prints a uuid so). */
  applied: Map<string, AppliedMutation>;
  /** Cases the batch touched or tried to (the audit entry names them). */
  touched: Set<string>;
  /** Live events of the applied mutations, published when the batch commits. */
  events: TeamEvent[];
  /** The pusher's moves to other teams or roles (services/person-moves.ts); almost always none. */
  moves: PersonMove[];
}

/** A batch run without savepoints met a rejection: it is rolled back and run again with them. */
class NeedsSavepoints extends Error {}

/** A burst of 100 mutations of one team is one `changes` event, not 100. */
function distinctEvents(events: readonly TeamEvent[]): TeamEvent[] {
  const seen = new Map<string, TeamEvent>();
  for (const event of events) seen.set(JSON.stringify(event), event);
  return [...seen.values()];
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

  async function applyInTransaction(batch: BatchState, mutation: Mutation): Promise<MutationResult> {
    const { tx, actor, deviceId, touched } = batch;
    const earlier = batch.applied.get(mutationIdKey(mutation.id));
    if (earlier) {
      if (earlier.userId !== actor.id || earlier.recordId !== mutation.recordId) {
        throw reject.conflict('mutationIdReused', 'id');
      }
      const record = await rulesOf[earlier.entity].findVisible(tx, actor, earlier.recordId);
      const caseId = record ? caseIdOf(earlier.entity, record) : null;
      if (caseId) touched.add(caseId);
      return { id: mutation.id, status: 'duplicate', record };
    }
    // An edit made before the person moved is judged as the person was then.
    const judgedAs = await actorWhenEdited(tx, actor, batch.moves, deviceId, mutation.clientTime);
    const ctx: MutationContext = {
      tx,
      actor: judgedAs,
      recordId: mutation.recordId,
      origin: { userId: actor.id, deviceId, at: new Date(mutation.clientTime).toISOString() },
      baseVersion: mutation.op === 'create' ? null : mutation.baseVersion,
      today: localIsoDate(clock()),
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
    batch.applied.set(mutationIdKey(mutation.id), {
      id: mutation.id,
      userId: actor.id,
      entity: mutation.entity,
      recordId: mutation.recordId,
    });
    const changes: TeamEvent = {
      kind: 'changes',
      teamId: outcome.record.teamId,
      originDeviceId: deviceId,
      originUserId: actor.id,
    };
    batch.events.push(changes, ...ctx.events);
    const caseId = caseIdOf(mutation.entity, outcome.record);
    if (caseId) touched.add(caseId);
    // A deleted record is answered as null: the pull's `removed` drops it from devices;
    // so is one the person, since moved, can no longer see (the device lets it go).
    const answered =
      outcome.deleted ||
      (judgedAs !== actor && !(await rulesOf[mutation.entity].findVisible(tx, actor, mutation.recordId)));
    return { id: mutation.id, status: 'applied', record: answered ? null : outcome.record };
  }

  /** One mutation in its own savepoint: a rejection undoes its writes only. */
  async function applyInSavepoint(batch: BatchState, mutation: Mutation): Promise<MutationResult> {
    const eventsBefore = batch.events.length;
    try {
      return await inSavepoint(batch.tx, () => applyInTransaction(batch, mutation));
    } catch (error) {
      batch.events.length = eventsBefore;
      if (!isRejection(error)) throw error;
      // A refused attempt on a case is part of that case's trail too.
      const attempted = attemptedCaseIdOf(mutation) ?? (await storedCaseIdOf(batch.tx, mutation));
      if (attempted) batch.touched.add(attempted);
      return rejected(mutation.id, error instanceof Refusal ? error : storageRejection(error, mutation));
    }
  }

  /** One mutation without a savepoint (two round trips fewer): a rejection ends the attempt. */
  async function applyOptimistically(batch: BatchState, mutation: Mutation): Promise<MutationResult> {
    try {
      return await applyInTransaction(batch, mutation);
    } catch (error) {
      throw isRejection(error) ? new NeedsSavepoints() : error;
    }
  }

  /** The batch in one transaction (retried as a whole when PostgreSQL asks for it). */
  function runBatch(
    actor: Actor,
    deviceId: string | null,
    mutations: readonly Mutation[],
    savepoints: boolean,
  ) {
    const apply = savepoints ? applyInSavepoint : applyOptimistically;
    return transactionWithRetries(db, (tx) =>
      withSeqBlocks(tx, async () => {
        const ids = mutations.map((mutation) => mutationIdKey(mutation.id));
        await lockMutationIds(tx, ids);
        const batch: BatchState = {
          tx,
          actor,
          deviceId,
          applied: await findAppliedMutations(tx, ids),
          touched: new Set(),
          events: [],
          moves: await movesOf(tx, actor.id),
        };
        const results: MutationResult[] = [];
        for (const mutation of mutations) results.push(await apply(batch, mutation));
        await options.live?.publish(tx, distinctEvents(batch.events));
        return { results, touched: batch.touched };
      }),
    );
  }

  /**
   * Most batches have no rejection, so they first run without a savepoint per
   * mutation. The first rejection rolls that attempt back, and the batch runs
   * again with savepoints, where a rejection undoes only its own writes.
   */
  function applyBatch(actor: Actor, deviceId: string | null, mutations: readonly Mutation[]) {
    return runBatch(actor, deviceId, mutations, false).catch((error: unknown) => {
      if (!(error instanceof NeedsSavepoints)) throw error;
      return runBatch(actor, deviceId, mutations, true);
    });
  }

  return {
    /** Applies the mutations in order; one answer per mutation, in the same order. */
    async push(
      actor: Actor,
      deviceId: string | null,
      mutations: readonly Mutation[],
    ): Promise<MutationResult[]> {
      if (!seesCaseContent(actor)) {
        const detail = { refused: 'adminSeesNoCaseContent', count: mutations.length };
        await appendAudit(db, { userId: actor.id, deviceId, action: 'push', detail });
        throw reject.forbidden('adminSeesNoCaseContent');
      }
      await options.substitutionPeriods?.ensureCurrent();
      await options.retention?.ensureCurrent();
      const { results, touched } = await applyBatch(actor, deviceId, mutations);
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
