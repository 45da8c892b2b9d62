// The one way records change on a device: validate, write the record and its
// outbox entry in the same Dexie transaction. The UI never waits on the network.
import type { MutationOp } from '../shared/protocol';
import { mutationDataSchema } from '../shared/protocol';
import type { FieldsOf, MutableEntity, RecordOf } from '../shared/records';
import { type FeldakteDb, type OutboxEntry, tableOf } from './schema';

/** Who is making a change on this device. */
export interface Actor {
  userId: string;
  teamId: string;
}

export class RecordNotFoundError extends Error {
  constructor(entity: MutableEntity, id: string) {
    super(`${entity} ${id} ist auf diesem Gerät nicht vorhanden`);
    this.name = 'RecordNotFoundError';
  }
}

function outboxEntry(
  entity: MutableEntity,
  op: MutationOp,
  recordId: string,
  baseVersion: number | null,
  data: Record<string, unknown>,
  clientTime: string,
): OutboxEntry {
  return {
    id: crypto.randomUUID(),
    entity,
    op,
    recordId,
    baseVersion,
    data,
    clientTime,
    status: 'pending',
    rejection: null,
  };
}

/**
 * Creates a record locally. `owner` holds the server-known ownership fields the
 * device fills in itself (teamId, authorId, workerId ...), checked again by the server.
 */
export async function createLocal<E extends MutableEntity>(
  db: FeldakteDb,
  entity: E,
  actor: Actor,
  fields: FieldsOf[E],
  owner: Omit<RecordOf[E], keyof FieldsOf[E] | 'id' | 'version' | 'createdAt' | 'updatedAt' | 'updatedBy'>,
  id: string = crypto.randomUUID(),
): Promise<RecordOf[E]> {
  const data = mutationDataSchema(entity, 'create').parse(fields) as Record<string, unknown>;
  const now = new Date().toISOString();
  const record = {
    ...owner,
    ...data,
    id,
    version: 0,
    createdAt: now,
    updatedAt: now,
    updatedBy: actor.userId,
  } as unknown as RecordOf[E];
  const table = tableOf(db, entity);
  await db.transaction('rw', table, db.outbox, async () => {
    await table.add(record);
    await db.outbox.add(outboxEntry(entity, 'create', id, null, data, now));
  });
  return record;
}

/** Changes some fields of a record locally; the outbox entry carries the version the edit was based on. */
export async function updateLocal<E extends MutableEntity>(
  db: FeldakteDb,
  entity: E,
  actor: Actor,
  id: string,
  patch: Partial<FieldsOf[E]>,
): Promise<RecordOf[E]> {
  const data = mutationDataSchema(entity, 'update').parse(patch) as Record<string, unknown>;
  const table = tableOf(db, entity);
  return db.transaction('rw', table, db.outbox, async () => {
    const current = await table.get(id);
    if (!current) throw new RecordNotFoundError(entity, id);
    const now = new Date().toISOString();
    const next = { ...current, ...data, updatedAt: now, updatedBy: actor.userId } as RecordOf[E];
    await table.put(next);
    await db.outbox.add(outboxEntry(entity, 'update', id, current.version, data, now));
    return next;
  });
}
