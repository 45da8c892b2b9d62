// Deletes reach every device as removals; deleting what someone else edited (or
// editing what someone else deleted) is a conflict, never a silent win. Notes
// are append-mostly: reviewed notes keep an amendment history and are not deleted.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import {
  appointmentData,
  caseData,
  createMutation,
  deleteMutation,
  noteData,
  preConsultationData,
  resolveMutation,
  updateMutation,
} from './helpers/fixtures';
import { type Harness, harnessForBlock } from './helpers/harness';
import { onlyConflict, recordOf } from './helpers/results';

describe.each(databaseTargets())('deletes and amendments ($name)', (target) => {
  let h: Harness;
  let anna: LoginResponse;
  let lea: LoginResponse;
  let caseId: string;

  harnessForBlock(target, ['anna', 'lea'], (opened, sessions) => {
    h = opened;
    [anna, lea] = sessions;
  });
  beforeAll(async () => {
    const create = createMutation('case', caseData(anna.user.id));
    await h.push(anna.token, [create], 'anna-phone');
    caseId = create.recordId;
  });

  async function newAppointment(): Promise<string> {
    const create = createMutation('appointment', appointmentData(caseId));
    await h.push(anna.token, [create], 'anna-phone');
    return create.recordId;
  }

  it('deletes a record, delivers the removal to every device that had it, and stays deleted', async () => {
    const appointmentId = await newAppointment();
    const leaCursor = (await h.pullAll(lea.token)).cursor;
    const annaCursor = (await h.pullAll(anna.token)).cursor;

    const { results } = await h.push(
      anna.token,
      [deleteMutation('appointment', appointmentId)],
      'anna-phone',
    );
    expect(results[0]).toMatchObject({ status: 'applied', record: null });
    for (const [token, cursor] of [
      [lea.token, leaCursor],
      [anna.token, annaCursor],
    ] as const) {
      const page = await h.pull(token, cursor);
      expect(page.removed).toEqual([{ entity: 'appointment', id: appointmentId }]);
      expect(page.changes.map((c) => c.record.id)).not.toContain(appointmentId);
    }
    const twice = await h.push(lea.token, [deleteMutation('appointment', appointmentId)], 'lea-tab');
    expect(twice.results[0]).toMatchObject({ status: 'applied', record: null });
    const seenDelete = await h.push(
      anna.token,
      [updateMutation('appointment', appointmentId, { place: 'x' }, 2)],
      'anna-phone',
    );
    expect(seenDelete.results[0]).toMatchObject({ status: 'rejected', code: 'not_found' });
    const reuse = await h.push(anna.token, [
      createMutation('appointment', appointmentData(caseId), appointmentId),
    ]);
    expect(reuse.results[0]).toMatchObject({ status: 'rejected', code: 'conflict' });
  });

  it('keeps a record deleted on one device while edited on another, as a conflict; resolving true deletes it', async () => {
    const appointmentId = await newAppointment();
    const edit = updateMutation('appointment', appointmentId, { place: 'Im Jugendamt' });
    await h.push(lea.token, [edit], 'lea-tab');
    const remove = deleteMutation('appointment', appointmentId, 1);
    const { results } = await h.push(anna.token, [remove], 'anna-phone');

    expect(recordOf(results[0])).toMatchObject({ place: 'Im Jugendamt', version: 3 });
    const conflict = onlyConflict(results[0]);
    expect(conflict).toMatchObject({ field: '_deleted' });
    expect(conflict.candidates).toEqual([
      { value: false, by: lea.user.id, deviceId: 'lea-tab', at: edit.clientTime },
      { value: true, by: anna.user.id, deviceId: 'anna-phone', at: remove.clientTime },
    ]);
    const { cursor } = await h.pullAll(lea.token);
    const resolved = await h.push(lea.token, [
      resolveMutation('appointment', appointmentId, conflict.id, true, 3),
    ]);
    expect(resolved.results[0]).toMatchObject({ status: 'applied', record: null });
    expect((await h.pull(lea.token, cursor)).removed).toEqual([{ entity: 'appointment', id: appointmentId }]);
  });

  it('revives a record edited on a device that had not seen its delete, as a conflict; resolving false keeps it', async () => {
    const appointmentId = await newAppointment();
    await h.push(anna.token, [deleteMutation('appointment', appointmentId, 1)], 'anna-phone');
    const { cursor } = await h.pullAll(anna.token);
    const edit = updateMutation('appointment', appointmentId, { time: '14:30' }, 1);
    const { results } = await h.push(lea.token, [edit], 'lea-tab');

    expect(recordOf(results[0])).toMatchObject({ time: '14:30', version: 3 });
    const conflict = onlyConflict(results[0]);
    expect(conflict.candidates.map((c) => [c.by, c.value])).toEqual([
      [anna.user.id, true],
      [lea.user.id, false],
    ]);
    const back = await h.pull(anna.token, cursor);
    expect(back.changes.map((c) => c.record)).toEqual([
      expect.objectContaining({ id: appointmentId, time: '14:30' }),
    ]);
    expect(back.removed).toEqual([]);

    const kept = await h.push(anna.token, [
      resolveMutation('appointment', appointmentId, conflict.id, false, 3),
    ]);
    expect(recordOf(kept.results[0])).toMatchObject({ version: 4, conflicts: [] });
    const wrongType = await h.push(anna.token, [
      resolveMutation('appointment', appointmentId, conflict.id, 'ja', 4),
    ]);
    expect(wrongType.results[0]).toMatchObject({ status: 'rejected', code: 'conflict', field: 'conflictId' });
  });

  it('keeps a record when the deleter had not seen a competing edit that is now a conflict candidate', async () => {
    const appointmentId = await newAppointment();
    await h.push(anna.token, [updateMutation('appointment', appointmentId, { time: '09:00' })], 'anna-phone');
    const rival = await h.push(
      lea.token,
      [updateMutation('appointment', appointmentId, { time: '11:00' })],
      'lea-tab',
    );
    expect(onlyConflict(rival.results[0]).field).toBe('time');
    const { results } = await h.push(
      anna.token,
      [deleteMutation('appointment', appointmentId, 1)],
      'anna-phone',
    );
    const record = recordOf(results[0]);
    expect(record.conflicts.map((c) => c.field).sort()).toEqual(['_deleted', 'time']);
  });

  it('refuses to delete a case (cases are closed) and answers the reason', async () => {
    const { results } = await h.push(anna.token, [deleteMutation('case', caseId)]);
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'invalid', httpStatus: 400, field: 'op' });
  });

  it('lets a pre-consultation be deleted by its worker; the lead pulls the removal', async () => {
    const pc = createMutation('preConsultation', preConsultationData());
    await h.push(anna.token, [pc], 'anna-phone');
    const { cursor } = await h.pullAll(lea.token);
    await h.push(anna.token, [deleteMutation('preConsultation', pc.recordId)], 'anna-phone');
    expect((await h.pull(lea.token, cursor)).removed).toEqual([
      { entity: 'preConsultation', id: pc.recordId },
    ]);
  });

  it('deletes a note only by its author and only while unreviewed', async () => {
    const note = createMutation('note', noteData(caseId));
    const reviewed = createMutation('note', noteData(caseId));
    await h.push(anna.token, [note, reviewed], 'anna-phone');
    await h.push(lea.token, [
      updateMutation('note', reviewed.recordId, { reviewedAt: new Date().toISOString() }),
    ]);

    const byLead = await h.push(lea.token, [deleteMutation('note', note.recordId)]);
    expect(byLead.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden', httpStatus: 403 });
    const afterReview = await h.push(
      anna.token,
      [deleteMutation('note', reviewed.recordId, 2)],
      'anna-phone',
    );
    expect(afterReview.results[0]).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
      field: 'reviewedAt',
    });
    const byAuthor = await h.push(anna.token, [deleteMutation('note', note.recordId)], 'anna-phone');
    expect(byAuthor.results[0]).toMatchObject({ status: 'applied', record: null });
  });

  it('appends an amendment for every later edit of a reviewed note, overwriting nothing silently', async () => {
    const note = createMutation('note', noteData(caseId, { text: 'Erstfassung' }));
    await h.push(anna.token, [note], 'anna-phone');
    const reviewedAt = new Date().toISOString();
    await h.push(lea.token, [updateMutation('note', note.recordId, { reviewedAt })], 'lea-tab');

    const before = await h.push(anna.token, [
      updateMutation('note', note.recordId, { durationMinutes: 60 }, 2),
    ]);
    expect(recordOf(before.results[0])).toMatchObject({ version: 2, amendments: [] });
    const fix = updateMutation('note', note.recordId, { text: 'Zweitfassung', durationMinutes: 75 }, 2);
    const first = await h.push(anna.token, [fix], 'anna-phone');
    const second = await h.push(
      anna.token,
      [updateMutation('note', note.recordId, { concern8a: true }, 3)],
      'anna-phone',
    );

    expect(recordOf(first.results[0])).toMatchObject({
      text: 'Zweitfassung',
      reviewedAt,
      reviewedBy: lea.user.id,
    });
    expect(recordOf(second.results[0]).amendments).toEqual([
      {
        at: fix.clientTime,
        by: anna.user.id,
        changes: { text: { from: 'Erstfassung', to: 'Zweitfassung' }, durationMinutes: { from: 60, to: 75 } },
      },
      { at: expect.any(String), by: anna.user.id, changes: { concern8a: { from: false, to: true } } },
    ]);
  });
});
