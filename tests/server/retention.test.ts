import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config';
import { DEFAULT_RETENTION } from '../../src/server/services/retention';
import { localIsoDate } from '../../src/shared/local-date';
import { CaseExport, type Change, type LoginResponse } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { createMutation, preConsultationData, updateMutation } from './helpers/fixtures';
import { createHarness, type Harness } from './helpers/harness';

type Of<E extends Change['entity']> = Extract<Change, { entity: E }>['record'];
const DAY = 24 * 60 * 60 * 1000;

describe('retention configuration', () => {
  it('reads the periods per record type, with documented defaults', () => {
    expect(readConfig({}).retention).toEqual(DEFAULT_RETENTION);
    expect(DEFAULT_RETENTION).toEqual({ caseDays: 1825, preConsultationDays: 365 });
    const set = readConfig({
      FELDAKTE_RETENTION_CASE_DAYS: '30',
      FELDAKTE_RETENTION_PRECONSULTATION_DAYS: '7',
    });
    expect(set.retention).toEqual({ caseDays: 30, preConsultationDays: 7 });
    expect(() => readConfig({ FELDAKTE_RETENTION_CASE_DAYS: '0' })).toThrow(/FELDAKTE_RETENTION_CASE_DAYS/);
  });
});

describe.each(databaseTargets())('retention ($name)', (target) => {
  let h: Harness;
  let now = new Date();
  let anna: LoginResponse;
  let lea: LoginResponse;

  beforeAll(async () => {
    h = await createHarness(target, { clock: () => now });
    anna = await h.login('anna');
    lea = await h.login('lea');
  });
  afterAll(() => h?.close());

  it('erases a closed case with all its children after its deletion date, and the removal reaches the device', async () => {
    const first = await h.pullAll(anna.token);
    const annasCase = first.changes.find((c) => c.entity === 'case')?.record as Of<'case'>;
    const childIds = first.changes
      .filter((c) => 'caseId' in c.record && c.record.caseId === annasCase.id)
      .map((c) => ({ entity: c.entity, id: c.record.id }));
    expect(childIds.length).toBeGreaterThan(3);
    const marker = annasCase.familyName;
    const allIds = [annasCase.id, ...childIds.map((c) => c.id)];

    // Closing sets the deletion date, counted from "Ende"; reopening would clear it.
    const closed = await h.push(lea.token, [
      updateMutation(
        'case',
        annasCase.id,
        { status: 'closed', endDate: localIsoDate(new Date()), closingReason: 'goals_met' },
        annasCase.version,
      ),
    ]);
    expect(closed.results[0]?.status).toBe('applied');
    const exportOf = async () =>
      CaseExport.parse(
        (
          await h.request({
            method: 'GET',
            url: `/api/cases/${annasCase.id}/export`,
            headers: { authorization: `Bearer ${lea.token}` },
          })
        ).json(),
      );
    const deletionDate = (await exportOf()).deletionDate;
    expect(deletionDate).not.toBeNull();
    // The start of the day "Ende" + the period, on the server's clock.
    const today = new Date();
    const due = new Date(today.getFullYear(), today.getMonth(), today.getDate() + DEFAULT_RETENTION.caseDays);
    expect(deletionDate).toBe(due.toISOString());

    // Not yet due the day before (the demo's pre-consultation and its case closed weeks ago are).
    now = new Date(Date.parse(deletionDate ?? '') - DAY);
    const before = await h.pull(anna.token, first.cursor);
    expect(before.removed.filter((r) => allIds.includes(r.id))).toEqual([]);
    expect(before.removed.map((r) => r.entity)).toContain('preConsultation');

    now = new Date(Date.parse(deletionDate ?? '') + DAY);
    const after = await h.pullAll(anna.token, first.cursor);
    const removed = (await h.pull(anna.token, first.cursor)).removed;
    expect(after.changes.filter((c) => c.record.id === annasCase.id)).toEqual([]);
    expect(removed).toContainEqual({ entity: 'case', id: annasCase.id });
    for (const child of childIds) expect(removed).toContainEqual(child);

    // The content is gone from every table, the history of edits included.
    for (const table of ['cases', 'notes', 'appointments', 'goals', 'comments', 'substitutions']) {
      const rows = await h.db.query(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`, [allIds]);
      expect(rows, table).toEqual([]);
    }
    expect(
      await h.db.query('SELECT id FROM applied_mutations WHERE record_id = ANY($1::uuid[])', [allIds]),
    ).toEqual([]);
    const dump = await h.db.query<{ dump: string }>(
      `SELECT (SELECT string_agg(t::text, '|') FROM cases t) || (SELECT string_agg(a::text, '|') FROM audit_log a) AS dump`,
    );
    expect(dump[0]?.dump).not.toContain(marker);
    // The trail keeps only that it was erased.
    const erased = await h.db.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_log WHERE action = 'retention_erased' AND case_ids @> ARRAY[$1::uuid]",
      [annasCase.id],
    );
    expect(erased).toHaveLength(1);
    expect(erased[0]?.detail).toMatchObject({ entity: 'case', id: annasCase.id });

    // A fresh device of the lead never receives it; pushes to it are refused.
    const fresh = await h.pullAll(lea.token);
    expect(fresh.changes.some((c) => allIds.includes(c.record.id))).toBe(false);
    const late = await h.push(anna.token, [
      updateMutation('case', annasCase.id, { phone: '1' }, annasCase.version),
    ]);
    expect(late.results[0]).toMatchObject({ status: 'rejected', code: 'not_found' });
  });

  it('erases a pre-consultation that became no case after its own period', async () => {
    now = new Date();
    const create = createMutation('preConsultation', preConsultationData());
    await h.push(anna.token, [create]);
    const { cursor } = await h.pullAll(anna.token);
    now = new Date(Date.now() + (DEFAULT_RETENTION.preConsultationDays + 2) * DAY);
    const { removed } = await h.pull(anna.token, cursor);
    expect(removed).toContainEqual({ entity: 'preConsultation', id: create.recordId });
    expect(await h.db.query('SELECT id FROM pre_consultations WHERE id = $1', [create.recordId])).toEqual([]);
  });

  it('keeps open cases however old', async () => {
    const { changes } = await h.pullAll(lea.token);
    expect(changes.filter((c) => c.entity === 'case').length).toBeGreaterThan(0);
  });
});
