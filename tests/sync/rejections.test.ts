// What the device shows after the server refused a change: the record is the
// server's copy with the changes still waiting on top (the refused change is taken
// back), and the refused change stays in the outbox with its data and the reason.
import { describe, expect, it } from 'vitest';
import { listRejected } from '../../src/db/infrastructure/outbox';
import type { FeldakteDb } from '../../src/db/infrastructure/schema';
import {
  createAppointment,
  deleteAppointment,
  updateAppointment,
} from '../../src/db/repositories/appointments';
import { createCase, updateCase } from '../../src/db/repositories/cases';
import { pushOutbox } from '../../src/sync/push';
import { appointmentFields, caseFields, worker } from '../db/support/fixtures';
import type { ProtocolHarness } from './support/protocol-harness';
import { setUpSyncBed } from './support/sync-bed';

let db: FeldakteDb;
let harness: ProtocolHarness;

setUpSyncBed((bed) => {
  db = bed.db;
  harness = bed.harness;
});

const refusal = { code: 'forbidden' as const, httpStatus: 403, message: 'kein Zugriff', field: null };

describe('a rejected change', () => {
  it('is taken back from the record; changes made after it stay', async () => {
    const c = await createCase(db, worker, caseFields({ phone: 'alt', address: 'alt' }));
    await pushOutbox(db, harness.client());
    await updateCase(db, worker, c.id, { phone: 'abgelehnt' });
    await updateCase(db, worker, c.id, { address: 'angenommen' });
    harness.server.rejectIf = (m) => (m.data.phone === 'abgelehnt' ? refusal : null);

    await pushOutbox(db, harness.client());

    expect(await db.cases.get(c.id)).toMatchObject({ version: 2, phone: 'alt', address: 'angenommen' });
    expect(await listRejected(db)).toEqual([
      expect.objectContaining({
        op: 'update',
        data: { phone: 'abgelehnt' },
        rejection: expect.objectContaining({ httpStatus: 403, message: 'kein Zugriff' }),
      }),
    ]);
    expect(await db.bases.count()).toBe(0);
  });

  it('keeps the message key and parameters the server sent, for the UI to say', async () => {
    const c = await createCase(db, worker, caseFields());
    await pushOutbox(db, harness.client());
    await updateCase(db, worker, c.id, { phone: 'zu lang' });
    harness.server.rejectIf = () => ({
      code: 'invalid',
      httpStatus: 400,
      message: 'phone: darf höchstens 60 Zeichen lang sein',
      field: 'phone',
      messageKey: 'tooLong',
      params: { max: 60 },
    });

    await pushOutbox(db, harness.client());

    const [entry] = await listRejected(db);
    expect(entry?.rejection).toMatchObject({ field: 'phone', messageKey: 'tooLong', params: { max: 60 } });
  });

  it('is taken back while a later change of the record still waits for an answer', async () => {
    const c = await createCase(db, worker, caseFields({ phone: 'alt', address: 'alt' }));
    await pushOutbox(db, harness.client());
    await updateCase(db, worker, c.id, { phone: 'abgelehnt' });
    await updateCase(db, worker, c.id, { address: 'wartet' });
    // The server answers only the first mutation of each push.
    harness.server.rejectIf = (m) => (m.data.phone === 'abgelehnt' ? refusal : null);
    const answerFirstOnly = harness.server.push.bind(harness.server);
    harness.server.push = (request, deviceId) =>
      answerFirstOnly({ mutations: request.mutations.slice(0, 1) }, deviceId);

    await pushOutbox(db, harness.client());

    expect(await db.cases.get(c.id)).toMatchObject({ phone: 'alt', address: 'wartet' });
    expect(await db.bases.get(c.id)).toMatchObject({ record: { version: 1, address: 'alt' } });
  });

  it('a refused delete brings the record back as the server has it', async () => {
    const c = await createCase(db, worker, caseFields());
    const appointment = await createAppointment(db, worker, appointmentFields(c.id, { place: 'Kita' }));
    await pushOutbox(db, harness.client());
    await deleteAppointment(db, worker, appointment.id);
    harness.server.rejectIf = (m) => (m.op === 'delete' ? refusal : null);

    await pushOutbox(db, harness.client());

    expect(await db.appointments.get(appointment.id)).toMatchObject({ version: 1, place: 'Kita' });
    expect(await listRejected(db)).toEqual([
      expect.objectContaining({ op: 'delete', recordId: appointment.id }),
    ]);
  });

  it('a refused create leaves no record, but its data in the outbox; the rest goes on', async () => {
    const refused = await createCase(db, worker, caseFields({ familyName: 'Familie Abgelehnt' }));
    const fine = await createCase(db, worker, caseFields({ familyName: 'Familie Gut' }));
    harness.server.rejectIf = (m) => (m.recordId === refused.id ? refusal : null);

    await pushOutbox(db, harness.client());

    expect(await db.cases.get(refused.id)).toBeUndefined();
    expect(await db.cases.get(fine.id)).toMatchObject({ version: 1 });
    expect((await listRejected(db))[0]?.data).toMatchObject({ familyName: 'Familie Abgelehnt' });
  });

  it('refusals for a case reassigned away (403) or a record gone (404) do not hold up the rest', async () => {
    const away = await createCase(db, worker, caseFields({ familyName: 'Familie Weg' }));
    const mine = await createCase(db, worker, caseFields({ familyName: 'Familie Bleibt' }));
    const appointment = await createAppointment(db, worker, appointmentFields(mine.id));
    await pushOutbox(db, harness.client());
    harness.server.revokeCase(away.id);
    // Past its retention period: gone from the server without a trace.
    harness.server.purge(appointment.id);
    await updateCase(db, worker, away.id, { phone: 'zu spät' });
    await updateAppointment(db, worker, appointment.id, { place: 'zu spät' });
    await updateCase(db, worker, mine.id, { phone: 'kommt an' });

    const outcome = await pushOutbox(db, harness.client());

    expect(outcome).toEqual({ acknowledged: 1, rejected: 2 });
    expect(harness.server.records.get(mine.id)?.record).toMatchObject({ phone: 'kommt an' });
    expect((await listRejected(db)).map((e) => [e.recordId, e.rejection?.httpStatus])).toEqual([
      [away.id, 403],
      [appointment.id, 404],
    ]);
  });
});
