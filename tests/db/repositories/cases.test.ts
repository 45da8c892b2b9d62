import { afterEach, describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import {
  closeCase,
  createCase,
  listClosedCases,
  listOpenCases,
  reopenCase,
  updateCase,
} from '../../../src/db/repositories/cases';
import type { HouseholdMember } from '../../../src/shared/records';
import { caseFields, freshDb, lead, worker } from '../support/fixtures';

let db: FeldakteDb;

afterEach(async () => {
  await db?.delete();
});

async function seed() {
  db = freshDb();
  for (const fields of [
    { familyName: 'Familie Özdemir', reference: 'EF-7', address: 'Am Markt 1' },
    { familyName: 'Familie Müller', reference: 'EF-8', clients: 'Lea Müller' },
    { familyName: 'Familie Albers', reference: 'EF-9', address: 'Mühlweg 2' },
    { familyName: 'Familie Zander', reference: 'EF-10', status: 'closed' as const },
    { familyName: 'Familie Bauer', reference: 'EF-11', status: 'closure_requested' as const },
  ]) {
    await createCase(db, worker, caseFields(fields));
  }
}

const outbox = async () => (await db.outbox.orderBy('seq').toArray()).map((e) => [e.op, e.data]);

describe('current cases, closed cases and search', () => {
  it('lists the cases still worked on (a requested closure too), by family name in German order', async () => {
    await seed();
    expect((await listOpenCases(db)).map((c) => c.familyName)).toEqual([
      'Familie Albers',
      'Familie Bauer',
      'Familie Müller',
      'Familie Özdemir',
    ]);
    expect((await listClosedCases(db)).map((c) => c.familyName)).toEqual(['Familie Zander']);
  });

  it('finds by name, reference, clients and address, ignoring case', async () => {
    await seed();
    const names = async (search: string) => (await listOpenCases(db, search)).map((c) => c.familyName);

    expect(await names('MÜ')).toEqual(['Familie Albers', 'Familie Müller']); // Mühlweg, Müller
    expect(await names('ef-7')).toEqual(['Familie Özdemir']);
    expect(await names('  lea ')).toEqual(['Familie Müller']);
    expect(await names('markt')).toEqual(['Familie Özdemir']);
    expect(await names('Zander')).toEqual([]); // closed
    expect((await listClosedCases(db, 'zand')).map((c) => c.familyName)).toEqual(['Familie Zander']);
  });
});

describe('the life of a case on the device', () => {
  const household: HouseholdMember[] = [
    {
      id: crypto.randomUUID(),
      kind: 'young_person',
      firstName: 'Lena',
      birthMonth: '2014-03',
      gender: 'female',
    },
    { id: crypto.randomUUID(), kind: 'guardian', name: 'Ayşe Yılmaz', contact: '0151 2345678' },
  ];

  it('creates a case with its household, district and Hilfeart, and queues it whole', async () => {
    db = freshDb();
    const created = await createCase(
      db,
      lead,
      caseFields({ district: 'Nordstadt', helpKind: 'sgb8_31', nextHelpPlanDate: '2026-12-01', household }),
    );

    expect(await db.cases.get(created.id)).toMatchObject({ household, district: 'Nordstadt', version: 0 });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ entity: 'case', op: 'create', recordId: created.id, baseVersion: null });
    expect(entry?.data).toMatchObject({ household, helpKind: 'sgb8_31', nextHelpPlanDate: '2026-12-01' });
  });

  it('refuses a household person without an id, writing nothing', async () => {
    db = freshDb();
    const [lena] = household;
    const withoutId = { ...lena, id: '' } as HouseholdMember;
    await expect(createCase(db, worker, caseFields({ household: [withoutId] }))).rejects.toThrow();
    expect(await db.cases.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a worker requests closure, the lead closes it, then reopens it: each step in the outbox', async () => {
    db = freshDb();
    const created = await createCase(db, worker, caseFields());
    await db.outbox.clear();
    const closure = {
      endDate: '2026-11-30',
      closingReason: 'goals_met' as const,
      followUpHelp: 'Erziehungsberatung',
      closingNote: 'Ziele erreicht.',
    };

    await closeCase(db, worker, created.id, closure, 'closure_requested');
    expect(await db.cases.get(created.id)).toMatchObject({ status: 'closure_requested', ...closure });

    // The lead confirms what the worker wrote: only the status changes.
    await closeCase(db, lead, created.id, closure, 'closed');
    expect(await db.cases.get(created.id)).toMatchObject({ status: 'closed', updatedBy: lead.userId });

    await reopenCase(db, lead, created.id);
    expect(await db.cases.get(created.id)).toMatchObject({
      status: 'open',
      endDate: null,
      closingReason: null,
      closingNote: 'Ziele erreicht.',
    });

    expect(await outbox()).toEqual([
      ['update', { status: 'closure_requested', ...closure }],
      ['update', { status: 'closed' }],
      ['update', { status: 'open', endDate: null, closingReason: null }],
    ]);
  });

  it('a lead closing directly sends the end and the reason with the status', async () => {
    db = freshDb();
    const created = await createCase(db, lead, caseFields());
    await db.outbox.clear();
    await closeCase(
      db,
      lead,
      created.id,
      { endDate: '2026-11-30', closingReason: 'ended_by_guardians', followUpHelp: '', closingNote: '' },
      'closed',
    );
    expect(await outbox()).toEqual([
      ['update', { status: 'closed', endDate: '2026-11-30', closingReason: 'ended_by_guardians' }],
    ]);
    expect((await listClosedCases(db)).map((c) => c.id)).toEqual([created.id]);
    expect(await listOpenCases(db)).toEqual([]);
  });

  it('an edit of the address changes that field alone', async () => {
    db = freshDb();
    const created = await createCase(db, worker, caseFields({ household }));
    await db.outbox.clear();
    await updateCase(db, worker, created.id, { address: 'Am Markt 1' });
    expect(await outbox()).toEqual([['update', { address: 'Am Markt 1' }]]);
    expect(await db.cases.get(created.id)).toMatchObject({ address: 'Am Markt 1', household });
  });
});
