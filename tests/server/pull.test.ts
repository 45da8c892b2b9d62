import { describe, expect, it } from 'vitest';
import { type LoginResponse, PROTOCOL_HEADER, PullResponse } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { caseData, createMutation, idsOf, noteData, updateMutation } from './helpers/fixtures';
import { type Harness, harnessForBlock, syncHeaders } from './helpers/harness';

describe.each(databaseTargets())('pull ($name)', (target) => {
  let h: Harness;
  let anna: LoginResponse;
  let ben: LoginResponse;
  let lea: LoginResponse;

  harnessForBlock(target, ['anna', 'ben', 'lea'], (opened, sessions) => {
    h = opened;
    [anna, ben, lea] = sessions;
  });

  it('answers in the shape of the protocol, members first on a first pull', async () => {
    const page = await h.pull(anna.token);
    expect(PullResponse.parse(page)).toEqual(page);
    expect(page.removed).toEqual([]);
    const members = page.changes.filter((c) => c.entity === 'member').map((c) => c.record);
    expect(members.map((m) => 'username' in m && m.username).sort()).toEqual(['anna', 'ben', 'lea']);
  });

  it('delivers many rows in small batches exactly once and in commit order', async () => {
    const { cursor: start } = await h.pullAll(anna.token);
    const createCase = createMutation('case', caseData(anna.user.id));
    const notes = Array.from({ length: 45 }, (_, i) =>
      createMutation('note', noteData(createCase.recordId, { text: `Notiz ${i}` })),
    );
    await h.push(anna.token, [createCase, ...notes.slice(0, 20)]);
    await h.push(anna.token, notes.slice(20));

    const seen: string[] = [];
    let cursor = start;
    let pages = 0;
    for (;;) {
      const page = await h.pull(anna.token, cursor, 7);
      expect(page.changes.length).toBeLessThanOrEqual(7);
      expect(BigInt(page.cursor)).toBeGreaterThanOrEqual(BigInt(cursor));
      seen.push(...page.changes.map((c) => c.record.id));
      cursor = page.cursor;
      pages++;
      if (!page.hasMore) break;
    }
    expect(seen).toEqual([createCase.recordId, ...notes.map((n) => n.recordId)]);
    expect(pages).toBe(7);
    const after = await h.pull(anna.token, cursor, 7);
    expect(after).toEqual({ cursor, hasMore: false, changes: [], removed: [] });
  });

  it('gives the lead the whole team and a worker only their own cases', async () => {
    const annasCase = createMutation('case', caseData(anna.user.id));
    const bensCase = createMutation('case', caseData(ben.user.id));
    await h.push(anna.token, [annasCase]);
    await h.push(ben.token, [bensCase]);

    const leadCases = idsOf((await h.pullAll(lea.token)).changes, 'case');
    const annaCases = idsOf((await h.pullAll(anna.token)).changes, 'case');
    expect(leadCases).toEqual(expect.arrayContaining([annasCase.recordId, bensCase.recordId]));
    expect(annaCases).toContain(annasCase.recordId);
    expect(annaCases).not.toContain(bensCase.recordId);

    const teamCases = await h.db.query<{ id: string }>('SELECT id FROM cases WHERE team_id = $1', [
      lea.user.teamId,
    ]);
    expect(new Set(leadCases)).toEqual(new Set(teamCases.map((c) => c.id)));
    const assigned = await h.db.query<{ id: string }>('SELECT id FROM cases WHERE assigned_to = $1', [
      anna.user.id,
    ]);
    expect(new Set(annaCases)).toEqual(new Set(assigned.map((c) => c.id)));
  });

  it('lets the lead review a note and the author pull reviewedBy', async () => {
    const createCase = createMutation('case', caseData(anna.user.id));
    const note = createMutation('note', noteData(createCase.recordId, { concern8a: true }));
    await h.push(anna.token, [createCase, note]);
    const { cursor } = await h.pullAll(anna.token);

    const reviewedAt = new Date().toISOString();
    const { results } = await h.push(lea.token, [updateMutation('note', note.recordId, { reviewedAt })]);
    expect(results[0]).toMatchObject({
      status: 'applied',
      record: { reviewedAt, reviewedBy: lea.user.id, version: 2 },
    });

    const { changes } = await h.pullAll(anna.token, cursor);
    expect(changes).toEqual([
      expect.objectContaining({
        entity: 'note',
        record: expect.objectContaining({
          id: note.recordId,
          reviewedAt,
          reviewedBy: lea.user.id,
          authorId: anna.user.id,
        }),
      }),
    ]);

    const unreview = await h.push(lea.token, [
      updateMutation('note', note.recordId, { reviewedAt: null }, 2),
    ]);
    expect(unreview.results[0]).toMatchObject({ record: { reviewedAt: null, reviewedBy: null, version: 3 } });
  });

  it('refuses bad cursors and limits with 400 naming the field', async () => {
    for (const [query, field] of [
      ['cursor=abc', 'cursor'],
      ['cursor=-1', 'cursor'],
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=100000', 'limit'],
      ['cursor=1&cursor=2', 'cursor'],
      ['cursor=9223372036854775808', 'cursor'],
      ['since=5', 'since'],
    ] as const) {
      const response = await h.request({
        method: 'GET',
        url: `/api/sync/pull?${query}`,
        headers: syncHeaders(anna.token),
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error, query).toMatchObject({ code: 'invalid', field });
    }
  });

  it('answers 426 with an update message to push and pull without the current protocol version', async () => {
    for (const version of [undefined, '0', '2', 'eins']) {
      for (const method of ['GET', 'POST'] as const) {
        const headers: Record<string, string> = { authorization: `Bearer ${anna.token}` };
        if (version !== undefined) headers[PROTOCOL_HEADER] = version;
        const url = method === 'GET' ? '/api/sync/pull' : '/api/sync/push';
        const response = await h.request({
          method,
          url,
          headers,
          ...(method === 'POST' ? { payload: {} } : {}),
        });
        expect(response.statusCode, `${method} ${version}`).toBe(426);
        expect(response.json().error).toMatchObject({ code: 'upgrade_required', field: PROTOCOL_HEADER });
        expect(response.json().error.message).toMatch(/veraltet.*neu laden/);
      }
    }
  });
});
