// A person moved to another team (or given another role) loses nothing: edits
// their device made before the move are accepted as made by who they were then,
// and the device's next pull removes what they no longer see and starts over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_HEADER, type LoginResponse, type Mutation } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { createMutation, noteData } from './helpers/fixtures';
import { createHarness, type Harness } from './helpers/harness';
import { addAdministrator } from './helpers/people';

describe.each(databaseTargets())('moving a person keeps their pending edits ($name)', (target) => {
  let h: Harness;
  const users = {} as Record<'ada' | 'anna' | 'ben' | 'lea' | 'tom', LoginResponse>;

  beforeAll(async () => {
    h = await createHarness(target);
    await addAdministrator(h.db);
    for (const name of ['ada', 'anna', 'ben', 'lea', 'tom'] as const) users[name] = await h.login(name);
  });
  afterAll(() => h?.close());

  const change = (personId: string, payload: object) =>
    h.request({
      method: 'PATCH',
      url: `/api/people/${personId}`,
      headers: { authorization: `Bearer ${users.ada.token}` },
      payload,
    });

  /** The device is seen by the server (as every authenticated request that names it). */
  const useDevice = (name: keyof typeof users, device: string) =>
    h.request({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${users[name].token}`, [DEVICE_HEADER]: device },
    });

  it('accepts the moved worker’s edits made before the move, then takes the old team off the device', async () => {
    const nord = users.anna.user.teamId;
    const sued = users.tom.user.teamId;
    await useDevice('anna', 'anna-phone');
    const { changes, cursor } = await h.pullAll(users.anna.token);
    const annasCases = changes.filter((c) => c.entity === 'case').map((c) => c.record.id);
    const caseId = annasCases[0] ?? '';
    expect(annasCases.length).toBeGreaterThan(0);
    // Written offline before the move, still waiting in the outbox.
    const pending = createMutation('note', noteData(caseId, { text: 'Vor dem Wechsel geschrieben' }));
    const alsoPending: Mutation = {
      ...createMutation('note', noteData(caseId)),
      clientTime: pending.clientTime,
    };

    const moved = await change(users.anna.user.id, { teamId: sued });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ teamId: sued, openCaseCount: annasCases.length });

    // A device the person did not use before the move made no edit before it.
    const stranger = await h.push(users.anna.token, [alsoPending], 'new-phone');
    expect(stranger.results[0]?.status).toBe('rejected');
    // An edit made after the move is judged as she is now: not her team's case any more.
    const after = createMutation('note', noteData(caseId, { text: 'Nach dem Wechsel' }));
    after.clientTime = new Date(Date.now() + 1000).toISOString();
    const [pushedBefore, pushedAfter] = (await h.push(users.anna.token, [pending, after], 'anna-phone'))
      .results;
    expect(pushedBefore).toMatchObject({ status: 'applied', record: null });
    expect(pushedAfter?.status).toBe('rejected');
    const stored = await h.db.query<{ team_id: string; text: string }>(
      'SELECT team_id::text, text FROM notes WHERE id = $1',
      [pending.recordId],
    );
    expect(stored).toEqual([{ team_id: nord, text: 'Vor dem Wechsel geschrieben' }]);
    // The lead of the old team sees it.
    const leads = await h.pullAll(users.lea.token);
    expect(leads.changes.some((c) => c.record.id === pending.recordId)).toBe(true);

    // The device's next pull: the old team's records leave, and the pull starts over.
    const afterMove = await h.pull(users.anna.token, cursor);
    expect(afterMove).toMatchObject({ cursor: '0', hasMore: true, changes: [] });
    const removedCases = afterMove.removed.filter((r) => r.entity === 'case').map((r) => r.id);
    expect(removedCases).toEqual(expect.arrayContaining(annasCases));
    const removedMembers = afterMove.removed.filter((r) => r.entity === 'member').map((r) => r.id);
    expect(removedMembers).toEqual(expect.arrayContaining([users.lea.user.id, users.ben.user.id]));
    expect(removedMembers).not.toContain(users.anna.user.id);
    expect(afterMove.removed.some((r) => r.entity === 'partner')).toBe(true);

    const fresh = await h.pullAll(users.anna.token, afterMove.cursor);
    expect(fresh.changes.length).toBeGreaterThan(0);
    expect(fresh.changes.filter((c) => (c.record as { teamId?: string }).teamId !== sued)).toEqual([]);
    expect(fresh.changes.filter((c) => c.entity === 'member').map((c) => c.record.id)).toEqual(
      expect.arrayContaining([users.tom.user.id, users.anna.user.id]),
    );
    // Pulled past the move, the device goes on as usual.
    const settled = await h.pull(users.anna.token, fresh.cursor);
    expect(settled).toMatchObject({ hasMore: false, changes: [], removed: [] });
  });

  it('a worker made lead in the same team receives the whole team without losing anything', async () => {
    await useDevice('ben', 'ben-phone');
    const { changes, cursor } = await h.pullAll(users.ben.token);
    const bensCases = changes.filter((c) => c.entity === 'case').length;
    expect((await change(users.ben.user.id, { role: 'lead' })).statusCode).toBe(200);
    const afterMove = await h.pull(users.ben.token, cursor);
    expect(afterMove).toMatchObject({ cursor: '0', hasMore: true, removed: [] });
    const fresh = await h.pullAll(users.ben.token, afterMove.cursor);
    const teamCases = await h.db.query('SELECT 1 FROM cases WHERE team_id = $1', [users.ben.user.teamId]);
    expect(fresh.changes.filter((c) => c.entity === 'case').length).toBe(teamCases.length);
    expect(teamCases.length).toBeGreaterThan(bensCases);
    const moves = await h.db.query('SELECT from_role, to_role FROM person_moves WHERE user_id = $1', [
      users.ben.user.id,
    ]);
    expect(moves).toEqual([{ from_role: 'worker', to_role: 'lead' }]);
  });
});
