// Push: sends the outbox to the server in order, in batches, and settles each
// entry by the server's answer for its mutation id:
//   applied / duplicate -> the entry is done: removed, and the server's record stored (rebased)
//   rejected            -> the entry stays, marked with the reason and still holding its data,
//                          for the user to see; the record is taken back to the server's
//                          copy plus the changes still waiting; the rest of the queue goes on
//   no answer           -> the entry stays pending; the next run sends the same id again
// A response lost on the way back leaves everything pending; the retry carries the
// same mutation ids, and the server answers 'duplicate' instead of applying twice.
import { nextPendingBatch } from '../db/infrastructure/outbox';
import { type FeldakteDb, type OutboxEntry, type Rejection, syncTables } from '../db/infrastructure/schema';
import { germanMessage } from '../shared/messages';
import { Change, MAX_PUSH_BATCH, Mutation, type MutationResult } from '../shared/protocol';
import { type ApiClient, ProtocolError } from './api-client';
import { forgetBaseIfSettled, storeServerChanges, takeBackRejected } from './apply-server-records';
import { cancelDeferredRemovals } from './scope-removals';

export interface PushOutcome {
  /** Entries the server acknowledged (applied now or earlier). */
  acknowledged: number;
  rejected: number;
}

export interface PushOptions {
  /** Called after each answered batch with the number of entries settled so far in this push. */
  onProgress?: (settled: number) => void;
}

export async function pushOutbox(
  db: FeldakteDb,
  api: ApiClient,
  options: PushOptions = {},
): Promise<PushOutcome> {
  const outcome: PushOutcome = { acknowledged: 0, rejected: 0 };
  // Pipelined: while the server works on a batch, the device reads the next one;
  // answers are settled in order, one after the other, while the next batch is
  // already on its way. A batch sent before an earlier answer was settled is safe,
  // as the entries it carries are still pending either way; if settling fails,
  // nothing more is sent, and what the server applied meanwhile is answered
  // 'duplicate' on the next run.
  let settling: Promise<void> = Promise.resolve();
  const settleFailures: unknown[] = [];
  const settleInOrder = (work: () => Promise<PushOutcome>) => {
    settling = settling
      .then(async () => {
        if (settleFailures.length > 0) return;
        const settled = await work();
        outcome.acknowledged += settled.acknowledged;
        outcome.rejected += settled.rejected;
        options.onProgress?.(outcome.acknowledged + outcome.rejected);
      })
      .catch((error: unknown) => {
        settleFailures.push(error);
      });
  };
  try {
    let batch = await nextPendingBatch(db, MAX_PUSH_BATCH, 0);
    while (batch.length > 0 && settleFailures.length === 0) {
      const { sendable, malformed } = splitMalformed(batch);
      if (malformed.length > 0) settleInOrder(() => rejectLocally(db, malformed));
      const answer = sendable.length > 0 ? api.push({ mutations: sendable.map(toMutation) }) : null;
      const afterSeq = batch.at(-1)?.seq as number;
      const next = nextPendingBatch(db, MAX_PUSH_BATCH, afterSeq);
      // The read may fail while the answer is still awaited (the database closed by a lock):
      // marked as handled here, its error is thrown where it is awaited.
      next.catch(() => {});
      // A failed push lets the read already under way finish first, so nothing is left running.
      const response = await answer?.catch(async (error: unknown) => {
        await next.catch(() => undefined);
        throw error;
      });
      if (response) settleInOrder(() => settleEntries(db, sendable, response.results));
      batch = await next;
      if (batch.length > 0) continue;
      // The end, as read while the server worked: changes made since go in this run too.
      await settling;
      batch = await nextPendingBatch(db, MAX_PUSH_BATCH, afterSeq);
    }
  } finally {
    await settling;
  }
  if (settleFailures.length > 0) throw settleFailures[0];
  return outcome;
}

function toMutation(entry: OutboxEntry): Mutation {
  const { id, entity, op, recordId, baseVersion, data, clientTime } = entry;
  return { id, entity, op, recordId, baseVersion, data, clientTime };
}

/**
 * An entry that does not even fit the mutation envelope (damaged storage, an old
 * app version's leftovers) would make the server refuse the whole request and so
 * block every entry behind it. It is rejected here, visibly, instead.
 */
function splitMalformed(batch: OutboxEntry[]) {
  const sendable: OutboxEntry[] = [];
  const malformed: OutboxEntry[] = [];
  for (const entry of batch) {
    (Mutation.safeParse(toMutation(entry)).success ? sendable : malformed).push(entry);
  }
  return { sendable, malformed };
}

async function rejectLocally(db: FeldakteDb, entries: OutboxEntry[]): Promise<PushOutcome> {
  const rejection: Rejection = {
    code: 'invalid',
    httpStatus: 400,
    message: germanMessage('changeDamaged'),
    messageKey: 'changeDamaged',
    field: null,
    at: new Date().toISOString(),
  };
  await db.transaction('rw', syncTables(db), async () => {
    for (const entry of entries) {
      await db.outbox.update(entry.seq as number, { status: 'rejected', rejection });
      await takeBackRejected(db, entry.entity, entry.recordId);
    }
  });
  return { acknowledged: 0, rejected: entries.length };
}

/**
 * Settles a batch by the server's answers in one transaction, with a few bulk
 * requests rather than several per entry (1,000 entries made that most of a
 * push's time on the device). First every answered entry leaves the queue or is
 * marked rejected; then the acknowledged records are stored, rebased on what
 * still waits; then rejected records are taken back to base + what still waits.
 * The end state is the same as settling the entries one by one in queue order.
 */
async function settleEntries(
  db: FeldakteDb,
  sent: OutboxEntry[],
  results: MutationResult[],
): Promise<PushOutcome> {
  const resultById = new Map(results.map((result) => [result.id, result]));
  const at = new Date().toISOString();
  const acknowledged: Array<{ entry: OutboxEntry; record: unknown }> = [];
  const rejected: OutboxEntry[] = [];
  await db.transaction('rw', syncTables(db), async () => {
    for (const entry of sent) {
      const result = resultById.get(entry.id);
      if (!result) continue;
      if (result.status !== 'rejected') {
        acknowledged.push({ entry, record: result.record });
        continue;
      }
      const { code, httpStatus, message, field, messageKey, params } = result;
      await db.outbox.update(entry.seq as number, {
        status: 'rejected',
        // The key comes from newer servers only; without it the UI shows `message`.
        rejection: { code, httpStatus, message, field, at, ...(messageKey && { messageKey, params }) },
      });
      rejected.push(entry);
    }
    await db.outbox.bulkDelete(acknowledged.map(({ entry }) => entry.seq as number));

    // null: the record is deleted, or not visible to this device any more; the pull's `removed` says what to drop.
    const changes = acknowledged.flatMap(({ entry, record }) =>
      record ? [acknowledgedChange(entry, record)] : [],
    );
    await storeServerChanges(db, changes);
    // e.g. an edit of a record deleted meanwhile: the server kept it, as a conflict.
    await cancelDeferredRemovals(
      db,
      changes.map((change) => change.record.id),
    );
    for (const { entry, record } of acknowledged) if (!record) await forgetBaseIfSettled(db, entry.recordId);
    for (const entry of rejected) await takeBackRejected(db, entry.entity, entry.recordId);
  });
  return { acknowledged: acknowledged.length, rejected: rejected.length };
}

function acknowledgedChange(entry: OutboxEntry, record: unknown): Change {
  // The answer's record is a union of all record kinds; read it as the entry's kind.
  const parsed = Change.safeParse({ entity: entry.entity, record });
  if (!parsed.success) {
    throw new ProtocolError(
      { key: 'answerWithoutRecord', params: { id: entry.id, entity: entry.entity } },
      { cause: parsed.error },
    );
  }
  return parsed.data;
}
