import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NestedQueryError } from '../../src/server/db/database';
import { databaseTargets, type TestDatabase } from './helpers/databases';

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

describe.each(databaseTargets())('database adapter ($name)', (target) => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await target.create();
    await testDb.db.exec(
      'CREATE TABLE probe (id int PRIMARY KEY, n int NOT NULL); INSERT INTO probe VALUES (1, 0);',
    );
  });
  afterAll(() => testDb?.dispose());

  it('keeps concurrent read-modify-write transactions from losing updates', async () => {
    const db = testDb.db;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction(async (tx) => {
          const [row] = await tx.query<{ n: number }>('SELECT n FROM probe WHERE id = 1 FOR UPDATE');
          await yieldToOthers();
          await tx.query('UPDATE probe SET n = $1 WHERE id = 1', [(row?.n ?? 0) + 1]);
        }),
      ),
    );
    expect(await db.query('SELECT n FROM probe WHERE id = 1')).toEqual([{ n: 20 }]);
  });

  it('rolls back when the work throws, and stays usable', async () => {
    const db = testDb.db;
    await expect(
      db.transaction(async (tx) => {
        await tx.query('UPDATE probe SET n = -1 WHERE id = 1');
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('UPDATE probe SET n = -1 WHERE id = 1');
        await tx.query('SELECT * FROM no_such_table');
      }),
    ).rejects.toMatchObject({ code: '42P01' });
    expect(await db.query('SELECT n FROM probe WHERE id = 1')).toEqual([{ n: 20 }]);
  });

  it('refuses queries on the database object from inside a transaction instead of hanging', async () => {
    const db = testDb.db;
    await expect(db.transaction(() => db.query('SELECT 1'))).rejects.toBeInstanceOf(NestedQueryError);
    await expect(db.transaction(() => db.transaction(async () => 1))).rejects.toBeInstanceOf(
      NestedQueryError,
    );
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('returns bigint as decimal string, date as YYYY-MM-DD and timestamptz as Date', async () => {
    const [row] = await testDb.db.query(
      "SELECT 9007199254740993::bigint AS big, '2026-03-01'::date AS day, now() AS at, true AS yes",
    );
    expect(row).toMatchObject({ big: '9007199254740993', day: '2026-03-01', yes: true });
    expect(row?.at).toBeInstanceOf(Date);
  });
});
