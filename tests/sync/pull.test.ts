import { describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../src/db/infrastructure/schema';
import { createCase, updateCase } from '../../src/db/repositories/cases';
import type { CaseRecord } from '../../src/shared/records';
import { NetworkError } from '../../src/sync/api-client';
import { pullChanges } from '../../src/sync/pull';
import { pushOutbox } from '../../src/sync/push';
import { readPullCursor } from '../../src/sync/sync-meta';
import { caseFields, serverMeta, worker } from '../db/support/fixtures';
import type { ProtocolHarness } from './support/protocol-harness';
import { setUpSyncBed } from './support/sync-bed';

let db: FeldakteDb;
let harness: ProtocolHarness;

setUpSyncBed((bed) => {
  db = bed.db;
  harness = bed.harness;
});

function serverCase(n: number): CaseRecord {
  const at = '2026-03-01T08:00:00.000Z';
  return {
    ...caseFields({ familyName: `Familie ${String(n).padStart(2, '0')}`, reference: `EF-${n}` }),
    id: crypto.randomUUID(),
    ...serverMeta(at, worker.userId),
  };
}

function seedCases(count: number): CaseRecord[] {
  const cases = Array.from({ length: count }, (_, i) => serverCase(i + 1));
  for (const c of cases) harness.server.seed('case', c);
  return cases;
}

describe('pull', () => {
  it('pulls batch after batch until the server has no more, and keeps the cursor', async () => {
    const seeded = seedCases(7);
    harness.server.pageSize = 3;
    const progress: number[] = [];

    const received = await pullChanges(db, harness.client(), { onProgress: (n) => progress.push(n) });

    expect(received).toBe(7);
    expect(progress).toEqual([3, 6, 7]);
    expect(harness.pullCursors).toEqual(['0', '3', '6']);
    expect((await db.cases.toArray()).map((c) => c.id).sort()).toEqual(seeded.map((c) => c.id).sort());
    expect(await readPullCursor(db)).toBe('7');

    // Next time it asks only for what is new.
    await pullChanges(db, harness.client());
    expect(harness.pullCursors.at(-1)).toBe('7');
  });

  it('resumes after the connection breaks mid-way, from the last stored batch', async () => {
    seedCases(8);
    harness.server.pageSize = 3;
    harness.failPullAfter = 2;

    await expect(pullChanges(db, harness.client())).rejects.toBeInstanceOf(NetworkError);
    expect(await db.cases.count()).toBe(6);
    expect(await readPullCursor(db)).toBe('6');

    await pullChanges(db, harness.client());

    // 0, 3 and the failed 6; then the retry starts at 6 instead of from the beginning.
    expect(harness.pullCursors).toEqual(['0', '3', '6', '6']);
    expect(await db.cases.count()).toBe(8);
    expect(await readPullCursor(db)).toBe('8');
  });

  it('stores a batch and its cursor in one transaction: if the cursor cannot be written, neither is', async () => {
    seedCases(2);
    const failCursorWrite = () => {
      throw new Error('Speicher voll');
    };
    await db.open(); // opening writes a meta row of its own (open-concerns.ts), which is not what fails here
    db.meta.hook('creating', failCursorWrite);

    await expect(pullChanges(db, harness.client())).rejects.toThrow('Speicher voll');
    expect(await db.cases.count()).toBe(0);

    db.meta.hook('creating').unsubscribe(failCursorWrite);
    await pullChanges(db, harness.client());
    expect(await db.cases.count()).toBe(2);
  });

  it('keeps a pending local edit on top of a record pulled with a newer version', async () => {
    const c = await createCase(db, worker, caseFields());
    await pushOutbox(db, harness.client());
    await updateCase(db, worker, c.id, { phone: 'lokal, noch nicht gesendet' });
    harness.server.editRemotely('case', c.id, { address: 'Neue Straße 5, vom Büro' });

    await pullChanges(db, harness.client());

    expect(await db.cases.get(c.id)).toMatchObject({
      version: 2,
      address: 'Neue Straße 5, vom Büro',
      phone: 'lokal, noch nicht gesendet',
    });
    // The edit still waits, based on the version it was made on (the server merges per field).
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({
        op: 'update',
        baseVersion: 1,
        data: { phone: 'lokal, noch nicht gesendet' },
      }),
    ]);
  });

  it('takes the server record as it is once nothing waits locally', async () => {
    const [c] = seedCases(1) as [CaseRecord];
    await pullChanges(db, harness.client());
    harness.server.editRemotely('case', c.id, { phone: 'vom Büro' });

    await pullChanges(db, harness.client());

    expect(await db.cases.get(c.id)).toMatchObject({ version: 2, phone: 'vom Büro' });
  });

  it('drops removed records, but keeps one that still has local edits waiting', async () => {
    const [gone, edited] = seedCases(2) as [CaseRecord, CaseRecord];
    await pullChanges(db, harness.client());
    await updateCase(db, worker, edited.id, { phone: 'wartet' });
    harness.server.remove('case', gone.id);
    harness.server.remove('case', edited.id);

    await pullChanges(db, harness.client());

    expect(await db.cases.get(gone.id)).toBeUndefined();
    expect(await db.cases.get(edited.id)).toMatchObject({ phone: 'wartet' });
  });

  it('never lets an older copy of a record replace a newer one', async () => {
    const [c] = seedCases(1) as [CaseRecord];
    await db.cases.put({ ...c, version: 5, phone: 'neuer' });

    await pullChanges(db, harness.client());

    expect(await db.cases.get(c.id)).toMatchObject({ version: 5, phone: 'neuer' });
  });
});
