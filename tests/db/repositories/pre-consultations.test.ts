import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChangeNotAllowedError } from '../../../src/db/infrastructure/local-write';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { createPartner, deletePartner } from '../../../src/db/repositories/partners';
import {
  closeWithReferral,
  convertToCase,
  createPreConsultation,
} from '../../../src/db/repositories/pre-consultations';
import { caseFields, freshDb, lead, preConsultationFields, worker } from '../support/fixtures';

let db: FeldakteDb;

afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
});

const { reference, familyName, clients, address, phone, helpType, startDate } = caseFields();
const newCase = {
  reference,
  familyName,
  clients,
  address,
  phone,
  helpType,
  startDate,
  approvedHoursPerMonth: 12.5,
};

const partner = {
  name: 'Schuldnerberatung Fritzlar',
  organisation: 'Diakonie',
  services: 'Schuldnerberatung',
  contact: '05622 998877',
  district: 'Fritzlar',
};

describe('convertToCase', () => {
  it('writes the case, then the link on the pre-consultation, in that outbox order', async () => {
    db = freshDb();
    const pre = await createPreConsultation(db, worker, preConsultationFields());

    const created = await convertToCase(db, worker, pre.id, newCase);

    expect(created).toMatchObject({
      status: 'open',
      assignedTo: worker.userId,
      sourcePreConsultationId: pre.id,
      approvedHoursPerMonth: 12.5,
      clients,
      helpType,
    });
    expect(await db.preConsultations.get(pre.id)).toMatchObject({
      convertedCaseId: created.id,
      outcome: 'help_recommended',
      referralPartnerId: null,
    });
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => [e.entity, e.op, e.recordId])).toEqual([
      ['preConsultation', 'create', pre.id],
      ['case', 'create', created.id],
      ['preConsultation', 'update', pre.id],
    ]);
    expect(entries[1]?.data).toMatchObject({ approvedHoursPerMonth: 12.5 });
    expect(entries[2]?.data).toEqual({
      convertedCaseId: created.id,
      outcome: 'help_recommended',
      referralPartnerId: null,
    });
  });

  it('writes no case when the pre-consultation is missing', async () => {
    db = freshDb();
    await expect(convertToCase(db, worker, crypto.randomUUID(), newCase)).rejects.toThrow();
    expect(await db.cases.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps neither write when the second one fails: the case and its outbox entry are rolled back', async () => {
    db = freshDb();
    const pre = await createPreConsultation(db, worker, preConsultationFields());
    const add = db.outbox.add.bind(db.outbox);
    let calls = 0;
    vi.spyOn(db.outbox, 'add').mockImplementation((entry) => {
      calls += 1;
      if (calls === 2) throw new Error('Speicher voll');
      return add(entry);
    });

    await expect(convertToCase(db, worker, pre.id, newCase)).rejects.toThrow('Speicher voll');

    expect(calls).toBe(2);
    expect(await db.cases.count()).toBe(0);
    expect(await db.preConsultations.get(pre.id)).toMatchObject({ convertedCaseId: null, outcome: 'done' });
    expect((await db.outbox.toArray()).map((e) => [e.entity, e.op])).toEqual([['preConsultation', 'create']]);
  });

  it('refuses to convert the same pre-consultation twice', async () => {
    db = freshDb();
    const pre = await createPreConsultation(db, worker, preConsultationFields());
    await convertToCase(db, worker, pre.id, newCase);

    await expect(convertToCase(db, worker, pre.id, newCase)).rejects.toBeInstanceOf(ChangeNotAllowedError);
    expect(await db.cases.count()).toBe(1);
  });
});

describe('closeWithReferral', () => {
  it('closes the pre-consultation with the partner as referral, and syncs it like any edit', async () => {
    db = freshDb();
    const target = await createPartner(db, { ...lead, role: 'lead' }, partner);
    const pre = await createPreConsultation(db, worker, preConsultationFields());

    await closeWithReferral(db, worker, pre.id, target.id);

    expect(await db.preConsultations.get(pre.id)).toMatchObject({
      outcome: 'referral',
      referralPartnerId: target.id,
      convertedCaseId: null,
    });
    const last = (await db.outbox.orderBy('seq').toArray()).at(-1);
    expect(last).toMatchObject({
      entity: 'preConsultation',
      op: 'update',
      recordId: pre.id,
      data: { outcome: 'referral', referralPartnerId: target.id },
    });
  });

  it('refuses a partner that is not in the directory, and a converted pre-consultation', async () => {
    db = freshDb();
    const pre = await createPreConsultation(db, worker, preConsultationFields());
    const gone = await createPartner(db, { ...lead, role: 'lead' }, partner);
    await deletePartner(db, { ...lead, role: 'lead' }, gone.id);

    await expect(closeWithReferral(db, worker, pre.id, gone.id)).rejects.toThrow();
    expect(await db.preConsultations.get(pre.id)).toMatchObject({ outcome: 'done', referralPartnerId: null });

    const other = await createPartner(
      db,
      { ...lead, role: 'lead' },
      { ...partner, name: 'Kita Sonnenschein' },
    );
    await convertToCase(db, worker, pre.id, newCase);
    await expect(closeWithReferral(db, worker, pre.id, other.id)).rejects.toBeInstanceOf(
      ChangeNotAllowedError,
    );
  });
});
