// A device that last ran the app with schema v3, with a case edit still waiting:
// the upgrade to v4 gives its cases and the server copies under them the
// defaults of the fields added for the life of a case (district, household,
// closure ...), so the case page can show them, and leaves the outbox as it was.
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { caseFields, serverMeta, testDataKey, worker } from '../support/fixtures';
import { beforeV4, CASE_LIFE_DEFAULTS, STORES_V1, STORES_V2, STORES_V3 } from '../support/older-records';

const at = '2026-03-01T08:00:00.000Z';
const caseId = crypto.randomUUID();
const otherCaseId = crypto.randomUUID();
const serverCase = { ...caseFields(), id: caseId, ...serverMeta(at, worker.userId) };
const caseV3 = { ...beforeV4(serverCase), phone: '0561 999' };
const otherCaseV3 = { ...beforeV4({ ...serverCase, id: otherCaseId }) };
const baseV3 = { id: caseId, entity: 'case', record: beforeV4(serverCase) };
const entryV3 = {
  id: '00000001-0000-4000-8000-000000000000',
  entity: 'case',
  op: 'update',
  recordId: caseId,
  baseVersion: 1,
  data: { phone: '0561 999' },
  clientTime: at,
  status: 'pending',
  rejection: null,
  caseId,
};

let name: string;

beforeEach(async () => {
  name = `upgrade-v3-${crypto.randomUUID()}`;
  const v3 = new Dexie(name);
  v3.version(1).stores(STORES_V1);
  v3.version(2).stores(STORES_V2);
  v3.version(3).stores(STORES_V3);
  await v3.table('cases').bulkPut([caseV3, otherCaseV3]);
  await v3.table('bases').put(baseV3);
  await v3.table('outbox').add(entryV3);
  v3.close();
});

afterEach(async () => {
  await Dexie.delete(name);
});

describe('schema upgrade from v3 to v4', () => {
  it('gives the cases and their bases the new fields’ defaults and keeps the outbox as it was', async () => {
    expect(caseV3).not.toHaveProperty('household');
    const db = new FeldakteDb(name, { dataKey: testDataKey });
    await db.open();
    try {
      expect(db.verno).toBe(4);
      expect(await db.cases.get(caseId)).toEqual({ ...caseV3, ...CASE_LIFE_DEFAULTS });
      expect(await db.cases.get(otherCaseId)).toEqual({ ...otherCaseV3, ...CASE_LIFE_DEFAULTS });
      expect(await db.bases.get(caseId)).toEqual({
        ...baseV3,
        record: { ...baseV3.record, ...CASE_LIFE_DEFAULTS },
      });
      expect(await db.outbox.toArray()).toEqual([{ ...entryV3, seq: 1 }]);
      // Defaults are copies: one case's household is not another's.
      const [first, second] = await db.cases.toArray();
      expect(first?.household).not.toBe(second?.household);
    } finally {
      db.close();
    }
  });
});
