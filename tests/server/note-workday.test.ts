// The working day's note fields: template sections, billable time, goals and the
// visit a note documents, and the lead's acknowledgement of a § 8a concern.
import { beforeAll, describe, expect, it } from 'vitest';
import { germanMessage } from '../../src/shared/messages';
import type { LoginResponse } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import {
  appointmentData,
  caseData,
  createMutation,
  deleteMutation,
  noteData,
  resolveMutation,
  updateMutation,
} from './helpers/fixtures';
import { type Harness, harnessForBlock } from './helpers/harness';
import { onlyConflict, recordOf } from './helpers/results';

describe.each(databaseTargets())('note fields of the working day ($name)', (target) => {
  let h: Harness;
  let anna: LoginResponse;
  let ben: LoginResponse;
  let lea: LoginResponse;
  let caseId: string;
  let appointmentId: string;

  harnessForBlock(target, ['anna', 'ben', 'lea'], (opened, sessions) => {
    h = opened;
    [anna, ben, lea] = sessions;
  });
  beforeAll(async () => {
    const createCase = createMutation('case', caseData(anna.user.id));
    const appointment = createMutation('appointment', appointmentData(createCase.recordId));
    await h.push(anna.token, [createCase, appointment]);
    caseId = createCase.recordId;
    appointmentId = appointment.recordId;
  });

  const homeVisit = () =>
    noteData(caseId, {
      text: '',
      template: 'home_visit',
      occasion: 'Vereinbarter Hausbesuch',
      observations: 'Wohnung aufgeräumt',
      talkedWith: 'Mutter, Leon',
      agreements: 'Hausaufgabenzeit nach dem Mittagessen',
      nextSteps: 'Gespräch mit der Schule',
      travelMinutes: 35,
      kilometres: 24.5,
      goalIds: [crypto.randomUUID()],
      appointmentId,
    });

  it('stores and hands out a home-visit note with travel time, kilometres, goals and its visit', async () => {
    const create = createMutation('note', homeVisit());
    const [created] = (await h.push(anna.token, [create])).results;
    const record = recordOf(created);
    expect(record).toMatchObject({
      template: 'home_visit',
      text: '',
      talkedWith: 'Mutter, Leon',
      travelMinutes: 35,
      kilometres: 24.5,
      appointmentId,
      concernAcknowledgedAt: null,
      concernAcknowledgedBy: null,
    });
    const { changes } = await h.pullAll(lea.token);
    expect(changes.find((c) => c.record.id === create.recordId)?.record).toEqual(record);
  });

  it('gives a note queued by an older app the defaults of the new fields', async () => {
    const [created] = (await h.push(anna.token, [createMutation('note', noteData(caseId))])).results;
    expect(recordOf(created)).toMatchObject({
      template: 'free',
      occasion: '',
      travelMinutes: 0,
      kilometres: 0,
      goalIds: [],
      appointmentId: null,
      concernAcknowledgedAt: null,
    });
  });

  it('refuses an edit that leaves the note without text and without a filled section', async () => {
    const create = createMutation('note', homeVisit());
    await h.push(anna.token, [create]);
    const emptied = updateMutation('note', create.recordId, {
      occasion: ' ',
      observations: '',
      talkedWith: '',
      agreements: '',
      nextSteps: '',
    });
    const [refused] = (await h.push(anna.token, [emptied])).results;
    expect(refused).toMatchObject({
      status: 'rejected',
      code: 'invalid',
      field: 'text',
      message: `text: ${germanMessage('noteWithoutContent')}`,
      messageKey: 'noteWithoutContent',
    });
    const [stored] = await h.db.query('SELECT occasion, version FROM notes WHERE id = $1', [create.recordId]);
    expect(stored).toEqual({ occasion: 'Vereinbarter Hausbesuch', version: 1 });

    const [moved] = (
      await h.push(anna.token, [
        updateMutation('note', create.recordId, {
          text: 'Alles in den Freitext',
          occasion: '',
          nextSteps: '',
        }),
      ])
    ).results;
    expect(recordOf(moved)).toMatchObject({ text: 'Alles in den Freitext', occasion: '' });
  });

  it('lets only the author change the new content fields, and keeps them as amendments after review', async () => {
    const create = createMutation('note', homeVisit());
    await h.push(anna.token, [create]);
    for (const field of [
      'agreements',
      'travelMinutes',
      'kilometres',
      'goalIds',
      'appointmentId',
      'template',
    ]) {
      const value = {
        agreements: 'x',
        travelMinutes: 5,
        kilometres: 1,
        goalIds: [],
        appointmentId: null,
        template: 'free',
      }[field];
      const [refused] = (
        await h.push(lea.token, [updateMutation('note', create.recordId, { [field]: value })])
      ).results;
      expect(refused, field).toMatchObject({ status: 'rejected', code: 'forbidden', field });
    }
    await h.push(lea.token, [
      updateMutation('note', create.recordId, { reviewedAt: new Date().toISOString() }),
    ]);
    const [amended] = (
      await h.push(anna.token, [
        updateMutation('note', create.recordId, { kilometres: 31, travelMinutes: 40 }, 2),
      ])
    ).results;
    expect(recordOf(amended).amendments).toEqual([
      expect.objectContaining({
        by: anna.user.id,
        changes: { kilometres: { from: 24.5, to: 31 }, travelMinutes: { from: 35, to: 40 } },
      }),
    ]);
  });

  it('links a note only to an appointment of its own case', async () => {
    const otherCase = createMutation('case', caseData(anna.user.id, { reference: 'T-9' }));
    const otherAppointment = createMutation('appointment', appointmentData(otherCase.recordId));
    await h.push(anna.token, [otherCase, otherAppointment]);
    const { results } = await h.push(anna.token, [
      createMutation('note', noteData(caseId, { appointmentId: otherAppointment.recordId })),
      createMutation('note', noteData(caseId, { appointmentId: crypto.randomUUID() })),
    ]);
    for (const result of results)
      expect(result).toMatchObject({ status: 'rejected', code: 'not_found', field: 'appointmentId' });

    const note = createMutation('note', noteData(caseId));
    await h.push(anna.token, [note]);
    const [relinked] = (
      await h.push(anna.token, [
        updateMutation('note', note.recordId, { appointmentId: otherAppointment.recordId }),
      ])
    ).results;
    expect(relinked).toMatchObject({ status: 'rejected', code: 'not_found', field: 'appointmentId' });
  });

  it('still accepts a note for a visit that was cancelled and deleted meanwhile', async () => {
    const appointment = createMutation('appointment', appointmentData(caseId));
    await h.push(anna.token, [appointment]);
    await h.push(anna.token, [deleteMutation('appointment', appointment.recordId)]);
    const [created] = (
      await h.push(anna.token, [
        createMutation('note', noteData(caseId, { appointmentId: appointment.recordId })),
      ])
    ).results;
    expect(recordOf(created)).toMatchObject({ appointmentId: appointment.recordId });
  });

  describe('§ 8a acknowledgement', () => {
    let concernId: string;
    beforeAll(async () => {
      const concern = createMutation('note', noteData(caseId, { concern8a: true }));
      await h.push(anna.token, [concern]);
      concernId = concern.recordId;
    });

    it('is refused to workers, the author included', async () => {
      const at = new Date().toISOString();
      const { results } = await h.push(anna.token, [
        updateMutation('note', concernId, { concernAcknowledgedAt: at }),
        createMutation('note', noteData(caseId, { concern8a: true, concernAcknowledgedAt: at })),
      ]);
      for (const result of results)
        expect(result).toMatchObject({
          status: 'rejected',
          code: 'forbidden',
          field: 'concernAcknowledgedAt',
        });
      const [byColleague] = (
        await h.push(ben.token, [updateMutation('note', concernId, { concernAcknowledgedAt: at })])
      ).results;
      expect(byColleague).toMatchObject({ status: 'rejected', code: 'not_found' });
    });

    it('is set by a lead, who the server records, without amending the note', async () => {
      const at = new Date().toISOString();
      const [acknowledged] = (
        await h.push(lea.token, [updateMutation('note', concernId, { concernAcknowledgedAt: at })])
      ).results;
      expect(recordOf(acknowledged)).toMatchObject({
        concernAcknowledgedAt: at,
        concernAcknowledgedBy: lea.user.id,
        amendments: [],
        reviewedAt: null,
      });
      const [withdrawn] = (
        await h.push(lea.token, [updateMutation('note', concernId, { concernAcknowledgedAt: null }, 2)])
      ).results;
      expect(recordOf(withdrawn)).toMatchObject({ concernAcknowledgedAt: null, concernAcknowledgedBy: null });
    });

    it('is refused on resolving a conflict too, unless a lead resolves it', async () => {
      const note = createMutation('note', noteData(caseId, { concern8a: true }));
      await h.push(anna.token, [note]);
      const first = new Date(Date.now() - 1000).toISOString();
      const second = new Date().toISOString();
      await h.push(
        lea.token,
        [updateMutation('note', note.recordId, { concernAcknowledgedAt: first })],
        'tablet-1',
      );
      const [conflicted] = (
        await h.push(
          lea.token,
          [updateMutation('note', note.recordId, { concernAcknowledgedAt: second })],
          'tablet-2',
        )
      ).results;
      const conflict = onlyConflict(conflicted);
      const version = recordOf(conflicted).version;
      const [byAuthor] = (
        await h.push(anna.token, [resolveMutation('note', note.recordId, conflict.id, first, version)])
      ).results;
      expect(byAuthor).toMatchObject({
        status: 'rejected',
        code: 'forbidden',
        field: 'concernAcknowledgedAt',
      });
      const [byLead] = (
        await h.push(lea.token, [resolveMutation('note', note.recordId, conflict.id, first, version)])
      ).results;
      expect(recordOf(byLead)).toMatchObject({ concernAcknowledgedAt: first, conflicts: [] });
    });
  });

  it('keeps approved hours per month on a case, in quarter hours', async () => {
    const [created] = (
      await h.push(lea.token, [
        createMutation('case', caseData(anna.user.id, { approvedHoursPerMonth: 7.75 })),
      ])
    ).results;
    expect(recordOf(created)).toMatchObject({ approvedHoursPerMonth: 7.75 });
    const [odd] = (
      await h.push(lea.token, [
        createMutation('case', caseData(anna.user.id, { approvedHoursPerMonth: 7.3 })),
      ])
    ).results;
    expect(odd).toMatchObject({ status: 'rejected', code: 'invalid', field: 'approvedHoursPerMonth' });
  });
});
