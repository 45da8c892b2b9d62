// Help-plan goals, comments on notes and the team's network partners: who may
// write them, who receives them, and what is refused.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import {
  caseData,
  commentData,
  createMutation,
  deleteMutation,
  goalData,
  idsOf,
  noteData,
  partnerData,
  preConsultationData,
  updateMutation,
} from './helpers/fixtures';
import { type Harness, harnessForBlock } from './helpers/harness';
import { recordOf } from './helpers/results';

describe.each(databaseTargets())('goals, comments and partners ($name)', (target) => {
  let h: Harness;
  let anna: LoginResponse;
  let ben: LoginResponse;
  let lea: LoginResponse;
  let tom: LoginResponse;
  let caseId: string;
  let noteId: string;

  harnessForBlock(target, ['anna', 'ben', 'lea', 'tom'], (opened, sessions) => {
    h = opened;
    [anna, ben, lea, tom] = sessions;
  });
  beforeAll(async () => {
    // The lead takes the case on (approved hours are the lead's) and Anna writes in it.
    const createCase = createMutation('case', caseData(anna.user.id, { approvedHoursPerMonth: 8.5 }));
    const createNote = createMutation('note', noteData(createCase.recordId));
    await h.push(lea.token, [createCase]);
    await h.push(anna.token, [createNote]);
    caseId = createCase.recordId;
    noteId = createNote.recordId;
  });

  describe('goals', () => {
    it('are written and deleted by whoever works on the case, and reach only those who see it', async () => {
      const create = createMutation(
        'goal',
        goalData(caseId, { description: 'Finn geht jeden Tag zur Schule' }),
      );
      const [created] = (await h.push(anna.token, [create])).results;
      expect(recordOf(created)).toMatchObject({
        caseId,
        teamId: anna.user.teamId,
        status: 'open',
        version: 1,
      });

      const [byLead] = (
        await h.push(lea.token, [updateMutation('goal', create.recordId, { status: 'achieved' })])
      ).results;
      expect(recordOf(byLead)).toMatchObject({ status: 'achieved', version: 2 });

      expect(idsOf((await h.pullAll(anna.token)).changes, 'goal')).toContain(create.recordId);
      expect(idsOf((await h.pullAll(lea.token)).changes, 'goal')).toContain(create.recordId);
      expect(idsOf((await h.pullAll(ben.token)).changes, 'goal')).not.toContain(create.recordId);
      expect(idsOf((await h.pullAll(tom.token)).changes, 'goal')).not.toContain(create.recordId);

      const [deleted] = (await h.push(anna.token, [deleteMutation('goal', create.recordId, 2)])).results;
      expect(deleted).toMatchObject({ status: 'applied', record: null });
      const afterDelete = await h.pull(anna.token);
      expect(afterDelete.removed).toContainEqual({ entity: 'goal', id: create.recordId });
    });

    it('are refused to a colleague or another team, and their case never changes', async () => {
      const existing = createMutation('goal', goalData(caseId));
      await h.push(anna.token, [existing]);
      const { results } = await h.push(ben.token, [
        createMutation('goal', goalData(caseId)),
        updateMutation('goal', existing.recordId, { title: 'Anders' }),
        deleteMutation('goal', existing.recordId),
      ]);
      expect(results.map((r) => r.status === 'rejected' && r.code)).toEqual([
        'not_found',
        'not_found',
        'not_found',
      ]);
      const [moved] = (await h.push(anna.token, [updateMutation('goal', existing.recordId, { caseId })]))
        .results;
      expect(moved).toMatchObject({ status: 'rejected', code: 'invalid', field: 'caseId' });
      const [foreign] = (await h.push(tom.token, [createMutation('goal', goalData(caseId))])).results;
      expect(foreign).toMatchObject({ status: 'rejected', code: 'not_found', field: 'caseId' });
    });
  });

  describe('comments', () => {
    it('may be written by anyone who sees the case; the server sets the author', async () => {
      const byLead = createMutation('comment', commentData(caseId, noteId, { authorId: anna.user.id }));
      const [refused] = (await h.push(lea.token, [byLead])).results;
      expect(refused).toMatchObject({ status: 'rejected', code: 'invalid', field: 'authorId' });

      const comment = createMutation('comment', commentData(caseId, noteId));
      const [created] = (await h.push(lea.token, [comment])).results;
      expect(recordOf(created)).toMatchObject({
        authorId: lea.user.id,
        noteId,
        caseId,
        teamId: lea.user.teamId,
      });

      const [reply] = (await h.push(anna.token, [createMutation('comment', commentData(caseId, noteId))]))
        .results;
      expect(recordOf(reply)).toMatchObject({ authorId: anna.user.id });

      expect(idsOf((await h.pullAll(anna.token)).changes, 'comment')).toContain(comment.recordId);
      expect(idsOf((await h.pullAll(ben.token)).changes, 'comment')).not.toContain(comment.recordId);
    });

    it('are edited and deleted only by their author', async () => {
      const comment = createMutation('comment', commentData(caseId, noteId));
      await h.push(lea.token, [comment]);
      const { results } = await h.push(anna.token, [
        updateMutation('comment', comment.recordId, { text: 'Umgeschrieben' }),
        deleteMutation('comment', comment.recordId),
      ]);
      expect(results.map((r) => r.status === 'rejected' && r.code)).toEqual(['forbidden', 'forbidden']);

      const [edited] = (
        await h.push(lea.token, [updateMutation('comment', comment.recordId, { text: 'Danke!' })])
      ).results;
      expect(recordOf(edited)).toMatchObject({ text: 'Danke!', version: 2 });
      const [deleted] = (await h.push(lea.token, [deleteMutation('comment', comment.recordId, 2)])).results;
      expect(deleted).toMatchObject({ status: 'applied', record: null });
    });

    it('must name a visible note of the named case', async () => {
      const otherCase = createMutation('case', caseData(anna.user.id, { reference: 'T-2' }));
      const otherNote = createMutation('note', noteData(otherCase.recordId));
      await h.push(anna.token, [otherCase, otherNote]);

      const { results } = await h.push(anna.token, [
        createMutation('comment', commentData(caseId, otherNote.recordId)),
        createMutation('comment', commentData(caseId, crypto.randomUUID())),
      ]);
      for (const result of results)
        expect(result).toMatchObject({ status: 'rejected', code: 'not_found', field: 'noteId' });
      const [colleague] = (await h.push(ben.token, [createMutation('comment', commentData(caseId, noteId))]))
        .results;
      expect(colleague).toMatchObject({ status: 'rejected', code: 'not_found', field: 'caseId' });
      const [foreign] = (await h.push(tom.token, [createMutation('comment', commentData(caseId, noteId))]))
        .results;
      expect(foreign).toMatchObject({ status: 'rejected', code: 'not_found', field: 'caseId' });
    });
  });

  describe('partners', () => {
    it('are created, changed and deleted by leads only, and reach every member of the team', async () => {
      const byWorker = createMutation('partner', partnerData());
      const [refused] = (await h.push(anna.token, [byWorker])).results;
      expect(refused).toMatchObject({ status: 'rejected', code: 'forbidden', httpStatus: 403 });

      const partner = createMutation('partner', partnerData());
      const [created] = (await h.push(lea.token, [partner])).results;
      expect(recordOf(created)).toMatchObject({
        teamId: lea.user.teamId,
        name: 'Erziehungsberatungsstelle Teststadt',
      });

      for (const member of [anna, ben, lea])
        expect(idsOf((await h.pullAll(member.token)).changes, 'partner')).toContain(partner.recordId);
      expect(idsOf((await h.pullAll(tom.token)).changes, 'partner')).not.toContain(partner.recordId);

      const { results } = await h.push(anna.token, [
        updateMutation('partner', partner.recordId, { contact: 'neu' }),
        deleteMutation('partner', partner.recordId),
      ]);
      expect(results.map((r) => r.status === 'rejected' && r.code)).toEqual(['forbidden', 'forbidden']);
      const [foreign] = (
        await h.push(tom.token, [updateMutation('partner', partner.recordId, { contact: 'x' })])
      ).results;
      expect(foreign).toMatchObject({ status: 'rejected', code: 'not_found' });

      const [edited] = (
        await h.push(lea.token, [updateMutation('partner', partner.recordId, { contact: 'neu' })])
      ).results;
      expect(recordOf(edited)).toMatchObject({ contact: 'neu', version: 2 });
      const [deleted] = (await h.push(lea.token, [deleteMutation('partner', partner.recordId, 2)])).results;
      expect(deleted).toMatchObject({ status: 'applied', record: null });
      expect((await h.pull(anna.token)).removed).toContainEqual({ entity: 'partner', id: partner.recordId });
    });

    it('are the only referral a pre-consultation may name: one of the own team', async () => {
      const partner = createMutation('partner', partnerData({ name: 'Schuldnerberatung' }));
      await h.push(lea.token, [partner]);
      const referral = createMutation(
        'preConsultation',
        preConsultationData({ referralPartnerId: partner.recordId }),
      );
      const [created] = (await h.push(anna.token, [referral])).results;
      expect(recordOf(created)).toMatchObject({ referralPartnerId: partner.recordId });

      const [unknown] = (
        await h.push(anna.token, [
          updateMutation('preConsultation', referral.recordId, { referralPartnerId: crypto.randomUUID() }),
        ])
      ).results;
      expect(unknown).toMatchObject({ status: 'rejected', code: 'not_found', field: 'referralPartnerId' });
      const [otherTeam] = (
        await h.push(tom.token, [
          createMutation('preConsultation', preConsultationData({ referralPartnerId: partner.recordId })),
        ])
      ).results;
      expect(otherTeam).toMatchObject({ status: 'rejected', code: 'not_found', field: 'referralPartnerId' });

      const [cleared] = (
        await h.push(anna.token, [
          updateMutation('preConsultation', referral.recordId, { referralPartnerId: null }),
        ])
      ).results;
      expect(recordOf(cleared)).toMatchObject({ referralPartnerId: null });
    });
  });

  it('takes goals and comments along when a case is handed to someone else', async () => {
    const handedOver = createMutation('case', caseData(anna.user.id, { reference: 'T-3' }));
    const note = createMutation('note', noteData(handedOver.recordId));
    const goal = createMutation('goal', goalData(handedOver.recordId));
    const comment = createMutation('comment', commentData(handedOver.recordId, note.recordId));
    await h.push(anna.token, [handedOver, note, goal, comment]);
    const bensCursor = (await h.pullAll(ben.token)).cursor;
    const annasCursor = (await h.pullAll(anna.token)).cursor;

    await h.push(lea.token, [updateMutation('case', handedOver.recordId, { assignedTo: ben.user.id })]);

    const gained = await h.pullAll(ben.token, bensCursor);
    expect(idsOf(gained.changes, 'goal')).toEqual([goal.recordId]);
    expect(idsOf(gained.changes, 'comment')).toEqual([comment.recordId]);
    const lost = await h.pull(anna.token, annasCursor);
    expect(lost.removed).toEqual(
      expect.arrayContaining([
        { entity: 'case', id: handedOver.recordId },
        { entity: 'goal', id: goal.recordId },
        { entity: 'comment', id: comment.recordId },
      ]),
    );
  });
});
