import { afterEach, describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { createCase, listOpenCases } from '../../../src/db/repositories/cases';
import { caseFields, freshDb, worker } from '../support/fixtures';

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
  ]) {
    await createCase(db, worker, caseFields(fields));
  }
}

describe('open cases and search', () => {
  it('lists open cases only, by family name in German order', async () => {
    await seed();
    expect((await listOpenCases(db)).map((c) => c.familyName)).toEqual([
      'Familie Albers',
      'Familie Müller',
      'Familie Özdemir',
    ]);
  });

  it('finds by name, reference, clients and address, ignoring case', async () => {
    await seed();
    const names = async (search: string) => (await listOpenCases(db, search)).map((c) => c.familyName);

    expect(await names('MÜ')).toEqual(['Familie Albers', 'Familie Müller']); // Mühlweg, Müller
    expect(await names('ef-7')).toEqual(['Familie Özdemir']);
    expect(await names('  lea ')).toEqual(['Familie Müller']);
    expect(await names('markt')).toEqual(['Familie Özdemir']);
    expect(await names('Zander')).toEqual([]); // closed
  });
});
