import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../src/db/infrastructure/schema';
import { createCase, updateCase } from '../../src/db/repositories/cases';
import { createNote } from '../../src/db/repositories/notes';
import { MAX_PUSH_BATCH } from '../../src/shared/protocol';
import { API_PATHS, NetworkError } from '../../src/sync/api-client';
import { pushOutbox } from '../../src/sync/push';
import { caseFields, noteFields, worker } from '../db/support/fixtures';
import { BASE_URL, mswServer, type ProtocolHarness } from './support/protocol-harness';
import { setUpSyncBed } from './support/sync-bed';

let db: FeldakteDb;
let harness: ProtocolHarness;

setUpSyncBed((bed) => {
  db = bed.db;
  harness = bed.harness;
});

describe('push', () => {
  it('sends the outbox in order, empties it and stores the acknowledged records', async () => {
    const c = await createCase(db, worker, caseFields());
    await updateCase(db, worker, c.id, { phone: '0170 1' });
    const note = await createNote(db, worker, noteFields(c.id));

    const outcome = await pushOutbox(db, harness.client());

    expect(outcome).toEqual({ acknowledged: 3, rejected: 0 });
    expect(harness.pushRequests[0]?.mutations.map((m) => [m.entity, m.op])).toEqual([
      ['case', 'create'],
      ['case', 'update'],
      ['note', 'create'],
    ]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.cases.get(c.id)).toMatchObject({ version: 2, phone: '0170 1' });
    expect(await db.notes.get(note.id)).toMatchObject({ version: 1, text: note.text });
  });

  it(`sends at most ${MAX_PUSH_BATCH} mutations per request, keeping the order across batches`, async () => {
    const c = await createCase(db, worker, caseFields());
    const total = MAX_PUSH_BATCH * 2 + 30;
    for (let i = 1; i < total; i++) await updateCase(db, worker, c.id, { phone: String(i) });

    await pushOutbox(db, harness.client());

    expect(harness.pushRequests.map((r) => r.mutations.length)).toEqual([MAX_PUSH_BATCH, MAX_PUSH_BATCH, 30]);
    const phones = harness.pushRequests.flatMap((r) =>
      r.mutations.slice(r === harness.pushRequests[0] ? 1 : 0),
    );
    expect(phones.map((m) => m.data.phone)).toEqual(
      Array.from({ length: total - 1 }, (_, i) => String(i + 1)),
    );
    expect(await db.outbox.count()).toBe(0);
    expect(await db.cases.get(c.id)).toMatchObject({ version: total, phone: String(total - 1) });
    // Each acknowledgement reads (and decrypts) the record's remaining outbox entries: 230 edits of one record take a while.
  }, 30_000);

  it('after a dropped response, the retry creates nothing twice', async () => {
    const c = await createCase(db, worker, caseFields());
    harness.dropPushResponses = 1;

    await expect(pushOutbox(db, harness.client())).rejects.toBeInstanceOf(NetworkError);
    // The server committed, the device does not know: the entry must still be there.
    expect(harness.server.recordsOf('case')).toHaveLength(1);
    expect(await db.outbox.count()).toBe(1);

    await pushOutbox(db, harness.client());

    const [first, retry] = harness.pushRequests;
    expect(retry?.mutations.map((m) => m.id)).toEqual(first?.mutations.map((m) => m.id));
    expect(harness.server.recordsOf('case')).toHaveLength(1);
    expect([...harness.server.applyCounts.values()]).toEqual([1]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.cases.toArray()).toEqual([expect.objectContaining({ id: c.id, version: 1 })]);
  });

  it('a lost connection in the second batch: the first is settled, the rest waits and goes next time', async () => {
    const c = await createCase(db, worker, caseFields());
    const total = MAX_PUSH_BATCH * 2 + 30;
    for (let i = 1; i < total; i++) await createNote(db, worker, noteFields(c.id, { text: `Notiz ${i}` }));
    let requests = 0;
    mswServer.use(
      // Only the second request fails on its way to the server; the others go on to the harness.
      http.post(`${BASE_URL}${API_PATHS.push}`, () => (++requests === 2 ? HttpResponse.error() : undefined)),
    );

    await expect(pushOutbox(db, harness.client())).rejects.toBeInstanceOf(NetworkError);
    expect(await db.outbox.count()).toBe(total - MAX_PUSH_BATCH);
    expect(
      await db.notes
        .where('caseId')
        .equals(c.id)
        .filter((n) => n.version === 1)
        .count(),
    ).toBe(MAX_PUSH_BATCH - 1);

    await pushOutbox(db, harness.client());
    expect(await db.outbox.count()).toBe(0);
    expect(harness.server.recordsOf('note')).toHaveLength(total - 1);
    expect([...harness.server.applyCounts.values()].every((count) => count === 1)).toBe(true);
  }, 30_000);

  it('a rejected mutation stays visible with its reason and does not hold up the rest', async () => {
    const a = await createCase(db, worker, caseFields({ familyName: 'Familie A' }));
    const refused = await createCase(db, worker, caseFields({ familyName: 'Familie B' }));
    const c = await createCase(db, worker, caseFields({ familyName: 'Familie C' }));
    harness.server.rejectIf = (m) =>
      m.recordId === refused.id
        ? {
            code: 'invalid',
            httpStatus: 400,
            message: 'familyName: ist schon vergeben',
            field: 'data.familyName',
          }
        : null;

    const outcome = await pushOutbox(db, harness.client());

    expect(outcome).toEqual({ acknowledged: 2, rejected: 1 });
    expect(
      harness.server
        .recordsOf('case')
        .map((r) => r.id)
        .sort(),
    ).toEqual([a.id, c.id].sort());
    const left = await db.outbox.toArray();
    expect(left).toEqual([
      expect.objectContaining({
        recordId: refused.id,
        status: 'rejected',
        rejection: expect.objectContaining({
          code: 'invalid',
          httpStatus: 400,
          message: 'familyName: ist schon vergeben',
          field: 'data.familyName',
        }),
      }),
    ]);
    // The server does not have it, so neither does the device's record list; what the
    // user wrote stays in the rejected entry.
    expect(await db.cases.get(refused.id)).toBeUndefined();
    expect(left[0]?.data).toMatchObject({ familyName: 'Familie B' });

    // Nothing is sent again: a rejection is final until the user acts on it.
    await pushOutbox(db, harness.client());
    expect(harness.pushRequests).toHaveLength(1);
  });

  it('rejects a damaged entry locally instead of letting it block the queue', async () => {
    const broken = await createCase(db, worker, caseFields());
    const fine = await createCase(db, worker, caseFields({ familyName: 'Familie Gut' }));
    const first = await db.outbox.orderBy('seq').first();
    await db.outbox.update(first?.seq as number, { clientTime: 'gestern' });

    await pushOutbox(db, harness.client());

    expect(harness.pushRequests.flatMap((r) => r.mutations.map((m) => m.recordId))).toEqual([fine.id]);
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ recordId: broken.id, status: 'rejected' }),
    ]);
  });

  it('a read of the next batch that fails while the server answers fails the push, settled up to there', async () => {
    // Before any write opens the database: the second read of pending entries (the one
    // made while the first batch is on its way) fails, as when a lock closes the database.
    let statusReads = 0;
    db.use({
      stack: 'dbcore',
      name: 'failing-second-outbox-read',
      create: (down) => ({
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== 'outbox') return table;
          return {
            ...table,
            query(request) {
              const byStatus = request.query.index.name === 'status';
              if (byStatus && ++statusReads === 2) return Promise.reject(new Error('Lesefehler'));
              return table.query(request);
            },
          };
        },
      }),
    });
    const c = await createCase(db, worker, caseFields());
    const release = harness.hold();

    const pushing = pushOutbox(db, harness.client());
    await waitUntil(() => statusReads === 2 && harness.inFlight === 1);
    // Long enough for Node to report a rejection nobody handled yet.
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();

    await expect(pushing).rejects.toThrow('Lesefehler');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.cases.get(c.id)).toMatchObject({ version: 1 });
  });

  it('keeps an edit made while the push was on its way', async () => {
    const c = await createCase(db, worker, caseFields());
    const release = harness.hold();

    const pushing = pushOutbox(db, harness.client());
    await waitUntil(() => harness.inFlight === 1);
    await updateCase(db, worker, c.id, { phone: 'während des Sendens' });
    // The edit's own push fails, so what we see next is the first answer, rebased.
    mswServer.use(http.post(`${BASE_URL}${API_PATHS.push}`, () => HttpResponse.error()));
    release();
    await expect(pushing).rejects.toBeInstanceOf(NetworkError);

    // The server's answer (version 1, old phone) is the base; the pending edit stays on top.
    expect(await db.cases.get(c.id)).toMatchObject({ version: 1, phone: 'während des Sendens' });
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ op: 'update', baseVersion: 0, status: 'pending' }),
    ]);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition not reached');
}
