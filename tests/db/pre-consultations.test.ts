import { afterEach, describe, expect, it } from 'vitest';
import { convertToCase, createPreConsultation, getPreConsultation } from '../../src/db/pre-consultations';
import type { FeldakteDb } from '../../src/db/schema';
import { caseFields, freshDb, preConsultationFields, worker } from './support/fixtures';

let db: FeldakteDb;

afterEach(async () => {
  await db?.delete();
});

const { reference, familyName, clients, address, phone, helpType, startDate } = caseFields();
const newCase = { reference, familyName, clients, address, phone, helpType, startDate };

describe('convertToCase', () => {
  it('writes the case, then the link on the pre-consultation, in that outbox order', async () => {
    db = freshDb();
    const pre = await createPreConsultation(db, worker, preConsultationFields());

    const created = await convertToCase(db, worker, pre.id, newCase);

    expect(created).toMatchObject({
      status: 'open',
      assignedTo: worker.userId,
      sourcePreConsultationId: pre.id,
    });
    expect(await getPreConsultation(db, pre.id)).toMatchObject({
      convertedCaseId: created.id,
      outcome: 'help_recommended',
    });
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => [e.entity, e.op, e.recordId])).toEqual([
      ['preConsultation', 'create', pre.id],
      ['case', 'create', created.id],
      ['preConsultation', 'update', pre.id],
    ]);
    expect(entries[2]?.data).toEqual({ convertedCaseId: created.id, outcome: 'help_recommended' });
  });

  it('writes no case when the pre-consultation is missing', async () => {
    db = freshDb();
    await expect(convertToCase(db, worker, crypto.randomUUID(), newCase)).rejects.toThrow();
    expect(await db.cases.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
