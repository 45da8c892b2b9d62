// Push: sends the outbox to the server in order, in batches, and settles each
// entry by the server's answer for its mutation id:
//   applied / duplicate -> the entry is done: removed, and the server's record stored (rebased)
//   rejected            -> the entry stays, marked with the reason and still holding its data,
//                          for the user to see; the record is taken back to the server's
//                          copy plus the changes still waiting; the rest of the queue goes on
//   no answer           -> the entry stays pending; the next run sends the same id again
// A response lost on the way back leaves everything pending; the retry carries the
// same mutation ids, and the server answers 'duplicate' instead of applying twice.
import { nextPendingBatch } from '../db/outbox';
import { type FeldakteDb, type OutboxEntry, type Rejection, syncTables } from '../db/schema';
import { MAX_PUSH_BATCH, Mutation, type MutationResult } from '../shared/protocol';
import { recordSchemaOf } from '../shared/records';
import { type ApiClient, ProtocolError } from './api-client';
import { forgetBaseIfSettled, storeServerRecord, takeBackRejected } from './apply-server-records';
import { cancelDeferredRemoval } from './scope-removals';

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
  let afterSeq = 0;
  for (;;) {
    const batch = await nextPendingBatch(db, MAX_PUSH_BATCH, afterSeq);
    const last = batch.at(-1);
    if (!last?.seq) return outcome;
    afterSeq = last.seq;

    const { sendable, malformed } = splitMalformed(batch);
    if (malformed.length > 0) {
      await rejectLocally(db, malformed);
      outcome.rejected += malformed.length;
    }
    if (sendable.length > 0) {
      const response = await api.push({ mutations: sendable.map(toMutation) });
      const settled = await settleEntries(db, sendable, response.results);
      outcome.acknowledged += settled.acknowledged;
      outcome.rejected += settled.rejected;
    }
    options.onProgress?.(outcome.acknowledged + outcome.rejected);
  }
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

async function rejectLocally(db: FeldakteDb, entries: OutboxEntry[]): Promise<void> {
  const rejection: Rejection = {
    code: 'invalid',
    httpStatus: 400,
    message: 'Die Änderung ist beschädigt und kann nicht gesendet werden',
    field: null,
    at: new Date().toISOString(),
  };
  await db.transaction('rw', syncTables(db), async () => {
    for (const entry of entries) {
      await db.outbox.update(entry.seq as number, { status: 'rejected', rejection });
      await takeBackRejected(db, entry.entity, entry.recordId);
    }
  });
}

async function settleEntries(
  db: FeldakteDb,
  sent: OutboxEntry[],
  results: MutationResult[],
): Promise<PushOutcome> {
  const resultById = new Map(results.map((result) => [result.id, result]));
  const outcome: PushOutcome = { acknowledged: 0, rejected: 0 };
  const at = new Date().toISOString();
  await db.transaction('rw', syncTables(db), async () => {
    // In queue order, so that a record's later pending entries are still in the
    // outbox when an earlier one's answer is rebased.
    for (const entry of sent) {
      const result = resultById.get(entry.id);
      const seq = entry.seq as number;
      if (!result) continue;
      if (result.status === 'rejected') {
        const { code, httpStatus, message, field } = result;
        await db.outbox.update(seq, {
          status: 'rejected',
          rejection: { code, httpStatus, message, field, at },
        });
        await takeBackRejected(db, entry.entity, entry.recordId);
        outcome.rejected += 1;
        continue;
      }
      await db.outbox.delete(seq);
      outcome.acknowledged += 1;
      // null: the record is deleted, or not visible to this device any more; the pull's `removed` says what to drop.
      if (result.record) {
        await storeAcknowledgedRecord(db, entry, result.record);
        // e.g. an edit of a record deleted meanwhile: the server kept it, as a conflict.
        await cancelDeferredRemoval(db, entry.recordId);
      } else await forgetBaseIfSettled(db, entry.recordId);
    }
  });
  return outcome;
}

async function storeAcknowledgedRecord(db: FeldakteDb, entry: OutboxEntry, record: unknown): Promise<void> {
  // The answer's record is a union of all record kinds; read it as the entry's kind.
  const parsed = recordSchemaOf[entry.entity].safeParse(record);
  if (!parsed.success) {
    throw new ProtocolError(`Antwort auf ${entry.id} enthält keinen ${entry.entity}-Datensatz`, {
      cause: parsed.error,
    });
  }
  await storeServerRecord(db, entry.entity, parsed.data);
}
