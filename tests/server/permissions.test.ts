import { beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import {
  appointmentData,
  caseData,
  createMutation,
  idsOf,
  noteData,
  preConsultationData,
  updateMutation,
} from './helpers/fixtures';
import { type Harness, harnessForBlock } from './helpers/harness';

describe.each(databaseTargets())('permissions ($name)', (target) => {
  let h: Harness;
  let anna: LoginResponse;
  let ben: LoginResponse;
  let lea: LoginResponse;
  let tom: LoginResponse;
  let annasCaseId: string;
  let annasNoteId: string;

  harnessForBlock(target, ['anna', 'ben', 'lea', 'tom'], (opened, sessions) => {
    h = opened;
    [anna, ben, lea, tom] = sessions;
  });
  beforeAll(async () => {
    const createCase = createMutation('case', caseData(anna.user.id, { familyName: 'Geheim' }));
    const createNote = createMutation('note', noteData(createCase.recordId));
    await h.push(anna.token, [createCase, createNote]);
    annasCaseId = createCase.recordId;
    annasNoteId = createNote.recordId;
  });

  async function snapshot() {
    return h.db.query('SELECT id, version, family_name, assigned_to, seq::text FROM cases ORDER BY id');
  }

  it("does not let a worker of another team see, change or annotate a team's case", async () => {
    const before = await snapshot();
    const { results } = await h.push(tom.token, [
      updateMutation('case', annasCaseId, { familyName: 'Gehackt' }),
      createMutation('note', noteData(annasCaseId)),
      updateMutation('note', annasNoteId, { text: 'Gehackt' }),
      createMutation('appointment', appointmentData(annasCaseId)),
    ]);
    for (const result of results)
      expect(result).toMatchObject({ status: 'rejected', code: 'not_found', httpStatus: 404 });
    expect(await snapshot()).toEqual(before);
    const notes = await h.db.query('SELECT text FROM notes WHERE id = $1', [annasNoteId]);
    expect(notes[0]).toEqual({ text: 'Hausbesuch, alles in Ordnung.' });

    const { changes } = await h.pullAll(tom.token);
    expect(idsOf(changes, 'case')).not.toContain(annasCaseId);
    expect(changes.every((c) => c.record.teamId === tom.user.teamId)).toBe(true);
  });

  it("keeps a worker out of a colleague's case in the same team", async () => {
    const { results } = await h.push(ben.token, [
      updateMutation('case', annasCaseId, { phone: '1' }),
      createMutation('note', noteData(annasCaseId)),
    ]);
    expect(results.map((r) => r.status === 'rejected' && r.code)).toEqual(['not_found', 'not_found']);
    const { changes } = await h.pullAll(ben.token);
    expect(idsOf(changes, 'case')).not.toContain(annasCaseId);
    expect(idsOf(changes, 'note')).not.toContain(annasNoteId);
  });

  it('lets a worker create cases only for themselves, in their own team', async () => {
    const forBen = createMutation('case', caseData(ben.user.id));
    const { results } = await h.push(anna.token, [forBen]);
    expect(results[0]).toMatchObject({ code: 'forbidden', httpStatus: 403, field: 'assignedTo' });

    const teamIdIgnored = createMutation('case', caseData(anna.user.id));
    const [created] = (await h.push(anna.token, [teamIdIgnored])).results;
    expect(created?.status === 'applied' && created.record?.teamId).toBe(anna.user.teamId);
  });

  it('lets only a lead reassign a case, and only within the team', async () => {
    const byWorker = await h.push(anna.token, [
      updateMutation('case', annasCaseId, { assignedTo: ben.user.id }),
    ]);
    expect(byWorker.results[0]).toMatchObject({ code: 'forbidden', field: 'assignedTo' });
    const toOtherTeam = await h.push(lea.token, [
      updateMutation('case', annasCaseId, { assignedTo: tom.user.id }),
    ]);
    expect(toOtherTeam.results[0]).toMatchObject({ code: 'forbidden', field: 'assignedTo' });
    const leadForBen = await h.push(lea.token, [createMutation('case', caseData(ben.user.id))]);
    expect(leadForBen.results[0]?.status).toBe('applied');
  });

  it('hands a reassigned case to the new worker together with its notes and appointments', async () => {
    const createCase = createMutation('case', caseData(anna.user.id, { familyName: 'Übergabe' }));
    const note = createMutation('note', noteData(createCase.recordId));
    const appointment = createMutation('appointment', appointmentData(createCase.recordId));
    await h.push(anna.token, [createCase, note, appointment]);
    const { cursor: bensCursor } = await h.pullAll(ben.token);

    const { results } = await h.push(lea.token, [
      updateMutation('case', createCase.recordId, { assignedTo: ben.user.id }),
    ]);
    expect(results[0]?.status).toBe('applied');

    const { changes } = await h.pullAll(ben.token, bensCursor);
    expect(idsOf(changes, 'case')).toEqual([createCase.recordId]);
    expect(idsOf(changes, 'note')).toEqual([note.recordId]);
    expect(idsOf(changes, 'appointment')).toEqual([appointment.recordId]);
    const further = await h.push(anna.token, [createMutation('note', noteData(createCase.recordId))]);
    expect(further.results[0]).toMatchObject({ code: 'forbidden', httpStatus: 403, field: 'caseId' });
  });

  it('keeps note text with its author and the review mark with the lead', async () => {
    const createCase = createMutation('case', caseData(anna.user.id));
    const note = createMutation('note', noteData(createCase.recordId));
    const reviewedByWorker = createMutation(
      'note',
      noteData(createCase.recordId, { reviewedAt: new Date().toISOString() }),
    );
    const created = await h.push(anna.token, [createCase, note, reviewedByWorker]);
    expect(created.results[2]).toMatchObject({ code: 'forbidden', field: 'reviewedAt' });

    const leadEditsText = await h.push(lea.token, [
      updateMutation('note', note.recordId, { text: 'Geändert' }),
    ]);
    expect(leadEditsText.results[0]).toMatchObject({ code: 'forbidden', httpStatus: 403, field: 'text' });
    const workerReviews = await h.push(anna.token, [
      updateMutation('note', note.recordId, { reviewedAt: new Date().toISOString() }),
    ]);
    expect(workerReviews.results[0]).toMatchObject({ code: 'forbidden', field: 'reviewedAt' });
    const authorEdits = await h.push(anna.token, [
      updateMutation('note', note.recordId, { concern8a: true }),
    ]);
    expect(authorEdits.results[0]?.status).toBe('applied');
  });

  it('stamps appointments with the worker who made them', async () => {
    const createCase = createMutation('case', caseData(anna.user.id));
    const appointment = createMutation('appointment', appointmentData(createCase.recordId));
    const { results } = await h.push(anna.token, [createCase, appointment]);
    const record = results[1]?.status === 'applied' ? results[1].record : null;
    expect(record).toMatchObject({ workerId: anna.user.id, teamId: anna.user.teamId, version: 1 });
  });

  it("keeps pre-consultations with their worker and the team's lead", async () => {
    const pc = createMutation('preConsultation', preConsultationData());
    await h.push(anna.token, [pc]);
    const byBen = await h.push(ben.token, [updateMutation('preConsultation', pc.recordId, { advice: 'x' })]);
    expect(byBen.results[0]).toMatchObject({ code: 'not_found' });
    const byLead = await h.push(lea.token, [
      updateMutation('preConsultation', pc.recordId, { advice: 'Termin' }),
    ]);
    expect(byLead.results[0]?.status).toBe('applied');

    const tomsCase = createMutation('case', caseData(tom.user.id));
    await h.push(tom.token, [tomsCase]);
    const foreignCase = await h.push(anna.token, [
      updateMutation('preConsultation', pc.recordId, { convertedCaseId: tomsCase.recordId }),
    ]);
    expect(foreignCase.results[0]).toMatchObject({ code: 'not_found', field: 'convertedCaseId' });
    const bensCase = createMutation('case', caseData(ben.user.id));
    await h.push(ben.token, [bensCase]);
    const colleaguesCase = await h.push(anna.token, [
      updateMutation('preConsultation', pc.recordId, { convertedCaseId: bensCase.recordId }),
      createMutation('preConsultation', preConsultationData({ convertedCaseId: bensCase.recordId })),
    ]);
    for (const result of colleaguesCase.results) {
      expect(result).toMatchObject({
        status: 'rejected',
        code: 'not_found',
        field: 'convertedCaseId',
        messageKey: 'convertedCaseNotYours',
        message: 'Ein Fall im Feld kann nur mit einem Fall verknüpft werden, den Sie bearbeiten',
      });
    }
    const [linked] = await h.db.query<{ id: string }>(
      'SELECT id FROM pre_consultations WHERE converted_case_id = $1',
      [bensCase.recordId],
    );
    expect(linked).toBeUndefined();
    const ownCase = await h.push(anna.token, [
      updateMutation('preConsultation', pc.recordId, { convertedCaseId: annasCaseId }),
    ]);
    expect(ownCase.results[0]?.status).toBe('applied');
    // The lead works on every case of the team, so may link a colleague's.
    const leadLinks = await h.push(lea.token, [
      updateMutation('preConsultation', pc.recordId, { convertedCaseId: bensCase.recordId }, 3),
    ]);
    expect(leadLinks.results[0]?.status).toBe('applied');
  });
});
