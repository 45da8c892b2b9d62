import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LoginResponse, MutationResult } from '../../src/shared/protocol';
import { recordSchemaOf } from '../../src/shared/records';
import { databaseTargets } from './helpers/databases';
import { caseData, createMutation, noteData, updateMutation } from './helpers/fixtures';
import { type Harness, harnessForBlock, syncHeaders } from './helpers/harness';

function recordOf(result: MutationResult | undefined): Record<string, unknown> {
  if (!result || result.status === 'rejected' || !result.record)
    throw new Error(`no record: ${JSON.stringify(result)}`);
  return result.record as unknown as Record<string, unknown>;
}

describe.each(databaseTargets())('push ($name)', (target) => {
  let h: Harness;
  let anna: LoginResponse;

  harnessForBlock(target, ['anna'], (opened, sessions) => {
    h = opened;
    [anna] = sessions;
  });

  async function count(table: string, id: string): Promise<number> {
    const rows = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE id = $1`, [
      id,
    ]);
    return rows[0]?.n ?? -1;
  }

  it('applies a retried push once and answers duplicate with the current record', async () => {
    const createCase = createMutation('case', caseData(anna.user.id));
    const createNote = createMutation('note', noteData(createCase.recordId));
    const first = await h.push(anna.token, [createCase, createNote]);
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const second = await h.push(anna.token, [createCase, createNote]);
    expect(second.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(recordOf(second.results[0])).toEqual(recordOf(first.results[0]));
    expect(recordOf(second.results[1])).toEqual(recordOf(first.results[1]));

    expect(await count('cases', createCase.recordId)).toBe(1);
    expect(await count('notes', createNote.recordId)).toBe(1);
    const applied = await h.db.query('SELECT id FROM applied_mutations WHERE id = ANY($1::uuid[])', [
      [createCase.id, createNote.id],
    ]);
    expect(applied).toHaveLength(2);
  });

  it('knows a mutation id again whatever its letter case (PostgreSQL keeps uuids in lower case)', async () => {
    const createCase = createMutation('case', caseData(anna.user.id));
    await h.push(anna.token, [createCase]);
    const again = await h.push(anna.token, [{ ...createCase, id: createCase.id.toUpperCase() }]);
    expect(again.results.map((r) => r.status)).toEqual(['duplicate']);
    expect(await count('cases', createCase.recordId)).toBe(1);
  });

  it('answers a retried update as duplicate without bumping the version again', async () => {
    const createCase = createMutation('case', caseData(anna.user.id));
    await h.push(anna.token, [createCase]);
    const rename = updateMutation('case', createCase.recordId, { familyName: 'Neuer Name' });
    const first = await h.push(anna.token, [rename]);
    const again = await h.push(anna.token, [rename]);
    expect(recordOf(first.results[0]).version).toBe(2);
    expect(again.results[0]?.status).toBe('duplicate');
    expect(recordOf(again.results[0]).version).toBe(2);
  });

  it('sets the server-managed fields and increments the version on every change', async () => {
    const createCase = createMutation('case', caseData(anna.user.id));
    const [created] = (await h.push(anna.token, [createCase])).results;
    const record = recordSchemaOf.case.parse(recordOf(created));
    expect(record).toMatchObject({ id: createCase.recordId, teamId: anna.user.teamId, version: 1 });
    expect(record.updatedBy).toBe(anna.user.id);
    expect(record.createdAt).toBe(record.updatedAt);

    const [updated] = (
      await h.push(anna.token, [updateMutation('case', createCase.recordId, { phone: '0800 1' })])
    ).results;
    const after = recordSchemaOf.case.parse(recordOf(updated));
    expect(after).toMatchObject({ version: 2, phone: '0800 1', familyName: 'Testfamilie' });
    expect(after.createdAt).toBe(record.createdAt);
  });

  it('stores device id, base version and the validated data with the applied mutation', async () => {
    const createCase = createMutation('case', caseData(anna.user.id, { familyName: '  Mit Leerzeichen  ' }));
    await h.push(anna.token, [createCase]);
    const update = updateMutation('case', createCase.recordId, { phone: '0800 2' }, 1);
    await h.push(anna.token, [update]);
    const rows = await h.db.query<{ device_id: string; base_version: number; result_version: number }>(
      'SELECT device_id, base_version, result_version FROM applied_mutations WHERE id = $1',
      [update.id],
    );
    expect(rows[0]).toEqual({ device_id: 'test-device', base_version: 1, result_version: 2 });
    const created = await h.db.query<{ data: { familyName: string } }>(
      'SELECT data FROM applied_mutations WHERE id = $1',
      [createCase.id],
    );
    expect(created[0]?.data.familyName).toBe('Mit Leerzeichen');
  });

  it('answers each mutation on its own: a rejected one in the middle does not block the rest', async () => {
    const createCase = createMutation('case', caseData(anna.user.id));
    const badNote = createMutation('note', noteData(createCase.recordId, { text: '   ' }));
    const goodNote = createMutation('note', noteData(createCase.recordId));
    const { results } = await h.push(anna.token, [createCase, badNote, goodNote]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(results[1]).toMatchObject({ id: badNote.id, code: 'invalid', httpStatus: 400, field: 'text' });
    expect(await count('notes', badNote.recordId)).toBe(0);
    expect(await count('notes', goodNote.recordId)).toBe(1);
  });

  it('rejects data with unknown or mistyped fields, naming the field', async () => {
    const createCase = createMutation('case', caseData(anna.user.id, { colour: 'blau' }));
    const wrongType = createMutation('case', caseData(anna.user.id, { status: 'offen' }));
    const updateUnknown = updateMutation('case', randomUUID(), { teamId: randomUUID() });
    const { results } = await h.push(anna.token, [createCase, wrongType, updateUnknown]);
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'invalid', field: 'colour' });
    expect(results[1]).toMatchObject({ status: 'rejected', code: 'invalid', field: 'status' });
    expect(results[2]).toMatchObject({ status: 'rejected', code: 'invalid', field: 'teamId' });
    expect(await count('cases', createCase.recordId)).toBe(0);
  });

  it('rejects a create of an existing record id by a different mutation as conflict', async () => {
    const createCase = createMutation('case', caseData(anna.user.id));
    await h.push(anna.token, [createCase]);
    const again = createMutation(
      'case',
      caseData(anna.user.id, { familyName: 'Andere' }),
      createCase.recordId,
    );
    const { results } = await h.push(anna.token, [again]);
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'conflict', httpStatus: 409 });
    const rows = await h.db.query<{ family_name: string }>('SELECT family_name FROM cases WHERE id = $1', [
      createCase.recordId,
    ]);
    expect(rows[0]?.family_name).toBe('Testfamilie');
  });

  it('rejects an update of an unknown record as not found', async () => {
    const { results } = await h.push(anna.token, [updateMutation('note', randomUUID(), { text: 'x' })]);
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'not_found', httpStatus: 404 });
  });

  it('rejects a mutation id reused by another user instead of answering with their record', async () => {
    const ben = await h.login('ben');
    const createCase = createMutation('case', caseData(anna.user.id));
    await h.push(anna.token, [createCase]);
    const { results } = await h.push(ben.token, [createCase]);
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'conflict', field: 'id' });
  });

  it('refuses a batch that repeats a mutation id, naming the repeat, and applies none of it', async () => {
    const createCase = createMutation('case', caseData(anna.user.id));
    const other = createMutation('case', caseData(anna.user.id, { familyName: 'Andere' }));
    const edit = updateMutation('case', createCase.recordId, { familyName: 'Geändert' });
    for (const batch of [
      [createCase, createCase],
      [createCase, { ...other, id: createCase.id }],
      // One id in two letter cases is one id: the edit would be answered 'duplicate' and never applied.
      [createCase, { ...edit, id: createCase.id.toUpperCase() }],
      [
        { ...createCase, id: createCase.id.toUpperCase() },
        { ...edit, id: createCase.id },
      ],
    ]) {
      const response = await h.request({
        method: 'POST',
        url: '/api/sync/push',
        headers: syncHeaders(anna.token),
        payload: { mutations: batch },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'invalid',
        field: 'mutations.1.id',
        messageKey: 'repeatedInPush',
      });
    }
    expect(await count('cases', createCase.recordId)).toBe(0);
  });

  it('refuses values the database cannot store, naming the field', async () => {
    const createCase = createMutation('case', caseData(anna.user.id));
    await h.push(anna.token, [createCase]);
    const note = (overrides: Record<string, unknown>) =>
      createMutation('note', noteData(createCase.recordId, overrides));
    const yearZero = { ...note({}), clientTime: '0000-01-01T00:00:00Z' };
    const { results } = await h.push(anna.token, [
      note({ text: `a${String.fromCharCode(0)}b` }),
      note({ text: `halbes ${String.fromCharCode(0xd800)} Zeichen` }),
      note({ date: '2026-02-30' }),
      yearZero,
    ]);
    expect(results.map((r) => r.status === 'rejected' && [r.httpStatus, r.field])).toEqual([
      [400, 'text'],
      [400, 'text'],
      [400, 'date'],
      [400, 'clientTime'],
    ]);
  });

  it('keeps an empty update as applied without changing the record', async () => {
    const createCase = createMutation('case', caseData(anna.user.id));
    await h.push(anna.token, [createCase]);
    const { results } = await h.push(anna.token, [updateMutation('case', createCase.recordId, {})]);
    expect(results[0]?.status).toBe('applied');
    expect(recordOf(results[0]).version).toBe(1);
  });
});
