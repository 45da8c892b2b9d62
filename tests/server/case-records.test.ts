import { describe, expect, it } from 'vitest';
import {
  type CaseAuditResponse,
  CaseExport,
  type Change,
  type LoginResponse,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
} from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { createMutation, updateMutation } from './helpers/fixtures';
import { type Harness, harnessForBlock } from './helpers/harness';

type Of<E extends Change['entity']> = Extract<Change, { entity: E }>['record'];

describe.each(databaseTargets())('case audit trail and export ($name)', (target) => {
  let h: Harness;
  let anna: LoginResponse;
  let ben: LoginResponse;
  let lea: LoginResponse;
  let tom: LoginResponse;
  harnessForBlock(target, ['anna', 'ben', 'lea', 'tom'], (opened, sessions) => {
    h = opened;
    [anna, ben, lea, tom] = sessions;
  });

  const get = (token: string, url: string, device = 'lea-tablet') =>
    h.request({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${token}`, 'x-feldakte-device': device },
    });

  async function annasCase(): Promise<{ record: Of<'case'>; notes: Of<'note'>[] }> {
    const { changes } = await h.pullAll(anna.token);
    const record = changes.find((c) => c.entity === 'case')?.record as Of<'case'>;
    const notes = changes
      .filter((c) => c.entity === 'note')
      .map((c) => c.record as Of<'note'>)
      .filter((n) => n.caseId === record.id);
    return { record, notes };
  }

  it("lets only the lead of the case's team read its trail: who, what, when, which device", async () => {
    const { record, notes } = await annasCase();
    // anna's phone pulls (above, as test harness) and pushes a change to the case.
    await h.request({
      method: 'GET',
      url: '/api/sync/pull?cursor=0',
      headers: {
        authorization: `Bearer ${anna.token}`,
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        'x-feldakte-device': 'annas-phone',
      },
    });
    await h.push(
      anna.token,
      [updateMutation('case', record.id, { phone: '0170 1111111' }, record.version)],
      'annas-phone',
    );
    // tom tries to change it and ben one of its notes: refused, and on the trail.
    await h.push(tom.token, [updateMutation('case', record.id, { phone: 'x' })], 'toms-phone');
    await h.push(ben.token, [updateMutation('note', notes[0]?.id ?? '', { text: 'x' })], 'bens-phone');

    const response = await get(lea.token, `/api/cases/${record.id}/audit`);
    expect(response.statusCode).toBe(200);
    const { entries } = response.json<CaseAuditResponse>();
    const seen = entries.map((e) => [e.action, e.userId, e.deviceId]);
    expect(seen).toContainEqual(['pull', anna.user.id, 'annas-phone']);
    expect(seen).toContainEqual(['push', anna.user.id, 'annas-phone']);
    expect(seen).toContainEqual(['push', tom.user.id, 'toms-phone']);
    expect(seen).toContainEqual(['push', ben.user.id, 'bens-phone']);
    expect(entries.at(-1)).toMatchObject({
      action: 'case_audit',
      userId: lea.user.id,
      userName: 'Lea Hoffmann',
    });
    for (const entry of entries) expect(Date.parse(entry.at)).not.toBeNaN();
    // No content on the trail, only ids and counts.
    expect(response.body).not.toContain('0170 1111111');

    expect((await get(anna.token, `/api/cases/${record.id}/audit`)).statusCode).toBe(403);
    expect((await get(ben.token, `/api/cases/${record.id}/audit`)).statusCode).toBe(403);
    expect((await get(tom.token, `/api/cases/${record.id}/audit`)).statusCode).toBe(404);
    expect((await get(lea.token, '/api/cases/00000000-0000-4000-8000-000000000000/audit')).statusCode).toBe(
      404,
    );
    expect((await get(lea.token, '/api/cases/keine-id/audit')).statusCode).toBe(400);
  });

  it('exports everything stored about a case as a file download, audited', async () => {
    const { record, notes } = await annasCase();
    const note = notes[0];
    if (!note) throw new Error('demo case without notes');
    const comment = createMutation('comment', {
      caseId: record.id,
      noteId: note.id,
      text: 'Bitte Termin nachtragen',
    });
    await h.push(lea.token, [comment]);

    const response = await get(lea.token, `/api/cases/${record.id}/export`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="feldakte-fall-${record.id}.json"`,
    );
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const exported = CaseExport.parse(response.json());
    expect(exported.case).toMatchObject({ id: record.id, familyName: record.familyName });
    expect(exported.notes.map((n) => n.id).sort()).toEqual(notes.map((n) => n.id).sort());
    expect(exported.notes[0]).toHaveProperty('amendments');
    expect(exported.comments.map((c) => c.text)).toContain('Bitte Termin nachtragen');
    expect(exported.goals.length).toBeGreaterThan(0);
    expect(exported.appointments.every((a) => a.caseId === record.id)).toBe(true);
    expect(exported.deletionDate).toBeNull();
    expect(exported.audit.map((e) => e.action)).toContain('case_export');

    for (const token of [anna.token, ben.token]) {
      expect((await get(token, `/api/cases/${record.id}/export`)).statusCode).toBe(403);
    }
    expect((await get(tom.token, `/api/cases/${record.id}/export`)).statusCode).toBe(404);
  });

  it('keeps the audit log append-only: no update, delete or truncate', async () => {
    const [before] = await h.db.query<{ count: number }>('SELECT count(*)::int AS count FROM audit_log');
    await expect(h.db.query("UPDATE audit_log SET action = 'login'")).rejects.toThrow(/append-only/);
    await expect(h.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(h.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const [after] = await h.db.query<{ count: number }>('SELECT count(*)::int AS count FROM audit_log');
    expect(after).toEqual(before);
  });
});
