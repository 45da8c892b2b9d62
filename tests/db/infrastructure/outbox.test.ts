import { afterEach, describe, expect, it } from 'vitest';
import {
  countPending,
  countRejected,
  dismissRejected,
  listRejected,
  nextPendingBatch,
} from '../../../src/db/infrastructure/outbox';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { deleteUserDb, openUserDb } from '../../../src/db/infrastructure/user-db';
import { createCase, updateCase } from '../../../src/db/repositories/cases';
import { caseFields, freshDb, testDataKey, worker } from '../support/fixtures';

let db: FeldakteDb;

afterEach(async () => {
  await db?.delete();
});

describe('outbox', () => {
  it('hands out pending entries in write order, skipping rejected ones and those already walked', async () => {
    db = freshDb();
    const c = await createCase(db, worker, caseFields());
    for (const phone of ['1', '2', '3', '4']) await updateCase(db, worker, c.id, { phone });
    const all = await db.outbox.orderBy('seq').toArray();
    const rejection = { code: 'invalid' as const, httpStatus: 400, message: 'nein', field: null, at: '' };
    await db.outbox.update(all[1]?.seq as number, { status: 'rejected', rejection });

    const first = await nextPendingBatch(db, 2);
    expect(first.map((e) => (e.op === 'create' ? 'create' : e.data.phone))).toEqual(['create', '2']);
    const rest = await nextPendingBatch(db, 10, first.at(-1)?.seq);
    expect(rest.map((e) => e.data.phone)).toEqual(['3', '4']);

    expect(await countPending(db)).toBe(4);
    expect(await countRejected(db)).toBe(1);
    expect((await listRejected(db)).map((e) => e.id)).toEqual([all[1]?.id]);

    await dismissRejected(db, all[1]?.id as string);
    expect(await countRejected(db)).toBe(0);
    expect(await countPending(db)).toBe(4);
  });
});

describe('user database', () => {
  it('deleteUserDb wipes the user database', async () => {
    const userId = crypto.randomUUID();
    const userDb = openUserDb(userId, testDataKey);
    await createCase(userDb, worker, caseFields());
    await deleteUserDb(userId);

    db = openUserDb(userId, testDataKey);
    expect(await db.cases.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
