// Administration (role admin) manages people and teams and sees no case content:
// its pull carries the team's members only, its push and the case records are
// refused with a clear message. A lead who also administers keeps the lead's view.
import { describe, expect, it } from 'vitest';
import { ApiError, type LoginResponse } from '../../src/shared/protocol';
import { addAdministrator } from './helpers/admin-person';
import { databaseTargets } from './helpers/databases';
import {
  appointmentData,
  caseData,
  createMutation,
  noteData,
  partnerData,
  updateMutation,
} from './helpers/fixtures';
import { type Harness, harnessForBlock, syncHeaders } from './helpers/harness';
import { createFingerprinter } from './helpers/table-fingerprint';

describe.each(databaseTargets())('Administration sees no case content ($name)', (target) => {
  let h: Harness;
  let lea: LoginResponse;
  let ada: LoginResponse;

  harnessForBlock(target, ['lea'], (opened, [leaSession]) => {
    h = opened;
    lea = leaSession;
  });

  async function adminSession(): Promise<LoginResponse> {
    if (!ada) {
      await addAdministrator(h.db, 'ada', 'lea');
      ada = await h.login('ada');
    }
    return ada;
  }

  it('pulls the team members and nothing of any case', async () => {
    const admin = await adminSession();
    expect(admin.user).toMatchObject({ role: 'admin', administers: true });
    const { changes } = await h.pullAll(admin.token);
    expect(new Set(changes.map((change) => change.entity))).toEqual(new Set(['member']));
    const members = await h.db.query('SELECT id FROM users WHERE team_id = $1', [admin.user.teamId]);
    expect(changes).toHaveLength(members.length);
    // The lead of the same team sees the cases, notes and partners.
    const leads = new Set((await h.pullAll(lea.token)).changes.map((change) => change.entity));
    for (const entity of ['case', 'note', 'partner'] as const) expect(leads.has(entity), entity).toBe(true);
  });

  it('refuses every push with 403 and a clear message, and changes nothing', async () => {
    const admin = await adminSession();
    const [someCase] = (await h.pullAll(lea.token)).changes.filter((change) => change.entity === 'case');
    if (!someCase) throw new Error('the demo has cases');
    const fingerprint = await createFingerprinter(h.db);
    const before = await fingerprint.take();
    for (const mutations of [
      [createMutation('case', caseData(admin.user.id))],
      [createMutation('note', noteData(someCase.record.id))],
      [createMutation('appointment', appointmentData(someCase.record.id))],
      [createMutation('partner', partnerData())],
      [updateMutation('case', someCase.record.id, { phone: '0000' }, someCase.record.version)],
    ]) {
      const response = await h.request({
        method: 'POST',
        url: '/api/sync/push',
        headers: { ...syncHeaders(admin.token), 'x-feldakte-device': 'ada-laptop' },
        payload: { mutations },
      });
      expect(response.statusCode, mutations[0]?.entity).toBe(403);
      expect(ApiError.parse(response.json()).error).toMatchObject({
        code: 'forbidden',
        messageKey: 'adminSeesNoCaseContent',
        message: 'Die Administration sieht und ändert keine Falldaten (das darf nur die Teamleitung).',
      });
    }
    expect(await fingerprint.take()).toEqual(before);
    const refused = await h.db.query(`SELECT 1 FROM audit_log WHERE user_id = $1 AND action = 'push'`, [
      admin.user.id,
    ]);
    expect(refused).toHaveLength(5);
  });

  it("refuses a case's audit trail and export", async () => {
    const admin = await adminSession();
    const cases = await h.db.query<{ id: string }>('SELECT id::text AS id FROM cases');
    for (const { id } of cases) {
      for (const what of ['audit', 'export']) {
        const response = await h.request({
          method: 'GET',
          url: `/api/cases/${id}/${what}`,
          headers: { authorization: `Bearer ${admin.token}` },
        });
        expect(response.statusCode, `${what} ${id}`).toBe(403);
        expect(ApiError.parse(response.json()).error.messageKey).toBe('adminSeesNoCaseContent');
        expect(response.body).not.toContain('familyName');
      }
    }
  });

  it("keeps a lead who also administers on the lead's view", async () => {
    await h.db.query(`UPDATE users SET administers = true WHERE username = 'lea'`);
    const administering = await h.login('lea');
    expect(administering.user).toMatchObject({ role: 'lead', administers: true });
    const entities = new Set((await h.pullAll(administering.token)).changes.map((change) => change.entity));
    expect(entities.has('case')).toBe(true);
    const [someCase] = await h.db.query<{ id: string }>(
      'SELECT id::text AS id FROM cases WHERE team_id = $1',
      [administering.user.teamId],
    );
    const note = createMutation('note', noteData(someCase?.id ?? ''));
    expect((await h.push(administering.token, [note])).results[0]?.status).toBe('applied');
  });
});
