import { describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { caseData, createMutation, updateMutation } from './helpers/fixtures';
import { type Harness, harnessForBlock } from './helpers/harness';

interface AuditRow {
  action: string;
  user_id: string | null;
  device_id: string | null;
  detail: Record<string, unknown>;
}

describe.each(databaseTargets())('audit log ($name)', (target) => {
  let h: Harness;
  let anna: LoginResponse;
  let tom: LoginResponse;

  harnessForBlock(target, ['anna', 'tom'], (opened, sessions) => {
    h = opened;
    [anna, tom] = sessions;
  });

  const entries = (action: string) =>
    h.db.query<AuditRow & Record<string, unknown>>(
      'SELECT action, user_id, device_id, detail FROM audit_log WHERE action = $1 ORDER BY id',
      [action],
    );

  it('records logins, failed ones included', async () => {
    await h.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'anna', password: 'nein' },
    });
    expect((await entries('login')).map((e) => e.user_id)).toEqual([anna.user.id, tom.user.id]);
    expect(await entries('login_failed')).toEqual([
      { action: 'login_failed', user_id: anna.user.id, device_id: null, detail: { username: 'anna' } },
    ]);
  });

  it('records which cases a pull handed out, and to which device', async () => {
    const { changes } = await h.pullAll(anna.token);
    const caseIds = changes.filter((c) => c.entity === 'case').map((c) => c.record.id);
    const [entry] = await entries('pull');
    expect(entry).toMatchObject({ user_id: anna.user.id, action: 'pull' });
    expect(entry?.detail.caseIds).toEqual(caseIds);
  });

  it('records refused mutations of a push in full', async () => {
    const annasCase = createMutation('case', caseData(anna.user.id));
    await h.push(anna.token, [annasCase]);
    const attempt = updateMutation('case', annasCase.recordId, { familyName: 'x' });
    await h.push(tom.token, [attempt]);
    const pushes = await entries('push');
    expect(pushes.at(-1)).toMatchObject({
      user_id: tom.user.id,
      device_id: 'test-device',
      detail: {
        counts: { applied: 0, duplicate: 0, rejected: 1 },
        rejected: [{ id: attempt.id, entity: 'case', recordId: annasCase.recordId, code: 'not_found' }],
      },
    });
  });
});
