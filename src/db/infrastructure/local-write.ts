// The one way records change on a device: validate, write the record and its
// outbox entry in the same Dexie transaction. The UI never waits on the network.
// A local edit leaves the record's open conflicts as they are: only a resolution
// (conflict-resolution.ts) settles one.
import type { z } from 'zod';
import { MessageError, type MessageKey } from '../../shared/messages';
import { mutationDataSchema } from '../../shared/protocol';
import type { FieldsOf, fieldsSchemaOf, MutableEntity, RecordOf } from '../../shared/records';
import { caseIdOf, changeOfHeldRecord, newOutboxEntry } from './outbox-entry';
import { type FeldakteDb, tableOf } from './schema';
import { rememberBaseBeforeLocalChange } from './server-base';

/** Who is making a change on this device. */
export interface Actor {
  userId: string;
  teamId: string;
}

export class RecordNotFoundError extends MessageError {
  constructor(entity: MutableEntity, id: string) {
    super('recordNotOnDevice', { entity, id });
    this.name = 'RecordNotFoundError';
  }
}

/** A change this device already knows the server would refuse (e.g. deleting a reviewed note). */
export class ChangeNotAllowedError extends MessageError {
  constructor(key: MessageKey) {
    super(key);
    this.name = 'ChangeNotAllowedError';
  }
}

/**
 * The fields a new record is created from. Fields with a default in the shared
 * schema may be left out: createLocal parses them through the schema, which fills
 * the defaults in (the same ones the server would apply).
 */
export type NewFieldsOf<E extends MutableEntity> = z.input<(typeof fieldsSchemaOf)[E]>;

/** Metadata a device never writes itself: the server's, or filled in by createLocal. */
type ManagedKeys = 'id' | 'version' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'conflicts';

/**
 * Creates a record locally. `owner` holds the server-known ownership fields the
 * device fills in itself (teamId, authorId, workerId ...), checked again by the server.
 */
export async function createLocal<E extends MutableEntity>(
  db: FeldakteDb,
  entity: E,
  actor: Actor,
  fields: NewFieldsOf<E>,
  owner: Omit<RecordOf[E], keyof FieldsOf[E] | ManagedKeys>,
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
    conflicts: [],
  } as unknown as RecordOf[E];
  const table = tableOf(db, entity);
  await db.transaction('rw', table, db.outbox, async () => {
    await table.add(record);
    const caseId = caseIdOf(entity, record);
    await db.outbox.add(
      newOutboxEntry({
        entity,
        op: 'create',
        recordId: id,
        baseVersion: null,
        data,
        caseId,
        clientTime: now,
      }),
    );
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
  return db.transaction('rw', table, db.outbox, db.bases, async () => {
    const current = await table.get(id);
    if (!current) throw new RecordNotFoundError(entity, id);
    await rememberBaseBeforeLocalChange(db, entity, current);
    const now = new Date().toISOString();
    const next = { ...current, ...data, updatedAt: now, updatedBy: actor.userId } as RecordOf[E];
    await table.put(next);
    await db.outbox.add(changeOfHeldRecord(entity, current, 'update', data, now));
    return next;
  });
}
