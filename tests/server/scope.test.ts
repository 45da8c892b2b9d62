// Scope changes: a reassigned case leaves the old worker's device and arrives on
// the new one's with all its history; a substitution brings the case to the
// substitute's device for its period and takes it away afterwards. The server's
// day comes from an injected clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse, PullResponse } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import {
  appointmentData,
  caseData,
  createMutation,
  deleteMutation,
  idsOf,
  noteData,
  substitutionData,
  updateMutation,
} from './helpers/fixtures';
import { createHarness, type Harness } from './helpers/harness';
import { recordOf } from './helpers/results';

/** Noon (local time) of a day in March 2026, so the server's local day is unambiguous. */
const march = (day: number) => new Date(2026, 2, day, 12);

describe.each(databaseTargets())('scope changes ($name)', (target) => {
  let h: Harness;
  let now = march(1);
  let anna: LoginResponse;
  let ben: LoginResponse;
  let lea: LoginResponse;
  let tom: LoginResponse;

  beforeAll(async () => {
    h = await createHarness(target, { clock: () => now });
    [anna, ben, lea, tom] = await Promise.all([
      h.login('anna'),
      h.login('ben'),
      h.login('lea'),
      h.login('tom'),
    ]);
  });
  afterAll(() => h?.close());

  /** A case of anna's with one note and one appointment, made before anyone's cursor. */
  async function caseWithHistory() {
    const create = createMutation('case', caseData(anna.user.id));
    const note = createMutation('note', noteData(create.recordId));
    const appointment = createMutation('appointment', appointmentData(create.recordId));
    await h.push(anna.token, [create, note, appointment], 'anna-phone');
    return { caseId: create.recordId, noteId: note.recordId, appointmentId: appointment.recordId };
  }

  const cursorOf = async (login: LoginResponse) => (await h.pullAll(login.token)).cursor;

  async function pullAllPages(login: LoginResponse, cursor: string): Promise<PullResponse> {
    const all: PullResponse = { cursor, hasMore: false, changes: [], removed: [] };
    for (;;) {
      const page = await h.pull(login.token, all.cursor, 3);
      all.changes.push(...page.changes);
      all.removed.push(...page.removed);
      all.cursor = page.cursor;
      if (!page.hasMore) return all;
    }
  }

  it('moves a reassigned case from the old worker to the new one, history included', async () => {
    const { caseId, noteId, appointmentId } = await caseWithHistory();
    const [annaCursor, benCursor] = [await cursorOf(anna), await cursorOf(ben)];

    const reassign = await h.push(lea.token, [updateMutation('case', caseId, { assignedTo: ben.user.id })]);
    expect(recordOf(reassign.results[0])).toMatchObject({ assignedTo: ben.user.id });

    const annas = await pullAllPages(anna, annaCursor);
    expect(annas.removed).toEqual([{ entity: 'case', id: caseId }]);
    expect(annas.changes.map((c) => c.record.id)).not.toContain(caseId);
    const late = await h.push(
      anna.token,
      [updateMutation('note', noteId, { text: 'Nachtrag' })],
      'anna-phone',
    );
    expect(late.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden', httpStatus: 403 });
    expect(late.results[0]?.status === 'rejected' && late.results[0].message).toMatch(
      /anderen Fachkraft zugewiesen/,
    );

    const bens = await pullAllPages(ben, benCursor);
    expect(idsOf(bens.changes, 'case')).toEqual([caseId]);
    expect(idsOf(bens.changes, 'note')).toEqual([noteId]);
    expect(idsOf(bens.changes, 'appointment')).toEqual([appointmentId]);
    expect(bens.removed).toEqual([]);
    const own = await h.push(ben.token, [createMutation('appointment', appointmentData(caseId))]);
    expect(own.results[0]?.status).toBe('applied');
  });

  it('resolves a loss and a gain between two pulls by where the case is now', async () => {
    const { caseId } = await caseWithHistory();
    const [annaCursor, benCursor] = [await cursorOf(anna), await cursorOf(ben)];
    await h.push(lea.token, [updateMutation('case', caseId, { assignedTo: ben.user.id })]);
    await h.push(lea.token, [updateMutation('case', caseId, { assignedTo: anna.user.id }, 2)]);

    const annas = await pullAllPages(anna, annaCursor);
    expect(annas.removed).toEqual([]);
    expect(idsOf(annas.changes, 'case')).toEqual([caseId]);
    const bens = await pullAllPages(ben, benCursor);
    expect(bens.removed).toEqual([{ entity: 'case', id: caseId }]);
    expect(idsOf(bens.changes, 'case')).toEqual([]);
  });

  it('brings a case to the substitute for the period of the substitution and takes it away after', async () => {
    now = march(1);
    const { caseId, noteId, appointmentId } = await caseWithHistory();
    const substitution = createMutation(
      'substitution',
      substitutionData(caseId, ben.user.id, { from: '2026-03-02', until: '2026-03-04' }),
    );
    expect((await h.push(lea.token, [substitution])).results[0]?.status).toBe('applied');
    const benCursor = await cursorOf(ben);
    const before = await h.push(ben.token, [createMutation('note', noteData(caseId))]);
    expect(before.results[0]).toMatchObject({ status: 'rejected', code: 'not_found' });

    now = march(2);
    const during = await pullAllPages(ben, benCursor);
    expect(idsOf(during.changes, 'case')).toEqual([caseId]);
    expect(idsOf(during.changes, 'note')).toEqual([noteId]);
    expect(idsOf(during.changes, 'appointment')).toEqual([appointmentId]);
    expect(idsOf(during.changes, 'substitution')).toEqual([substitution.recordId]);
    const visit = createMutation('note', noteData(caseId, { text: 'Vertretungsbesuch' }));
    expect((await h.push(ben.token, [visit])).results[0]?.status).toBe('applied');

    now = march(4);
    expect((await pullAllPages(ben, during.cursor)).removed).toEqual([]);

    now = march(5);
    const after = await pullAllPages(ben, during.cursor);
    expect(after.removed).toEqual([
      { entity: 'case', id: caseId },
      { entity: 'substitution', id: substitution.recordId },
    ]);
    expect(after.changes).toEqual([]);
    const late = await h.push(ben.token, [updateMutation('note', visit.recordId, { text: 'Nachtrag' })]);
    expect(late.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(late.results[0]?.status === 'rejected' && late.results[0].message).toMatch(
      /Vertretung .* beendet/,
    );
    // The case stays with anna the whole time.
    const annas = await h.pullAll(anna.token);
    expect(idsOf(annas.changes, 'note')).toContain(visit.recordId);
  });

  it('grants at once a substitution that is in force today, and ends it when the lead deletes it', async () => {
    now = march(10);
    const { caseId } = await caseWithHistory();
    const benCursor = await cursorOf(ben);
    const substitution = createMutation(
      'substitution',
      substitutionData(caseId, ben.user.id, { from: '2026-03-10', until: '2026-03-20' }),
    );
    await h.push(lea.token, [substitution]);
    const granted = await pullAllPages(ben, benCursor);
    expect(idsOf(granted.changes, 'case')).toEqual([caseId]);

    const byWorker = await h.push(ben.token, [deleteMutation('substitution', substitution.recordId)]);
    expect(byWorker.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const deleted = await h.push(lea.token, [deleteMutation('substitution', substitution.recordId)]);
    expect(deleted.results[0]).toMatchObject({ status: 'applied', record: null });
    const ended = await pullAllPages(ben, granted.cursor);
    expect(ended.removed).toEqual(
      expect.arrayContaining([
        { entity: 'case', id: caseId },
        { entity: 'substitution', id: substitution.recordId },
      ]),
    );
  });

  it('ends a substitution early when the lead moves its end before today', async () => {
    now = march(10);
    const { caseId } = await caseWithHistory();
    const substitution = createMutation(
      'substitution',
      substitutionData(caseId, ben.user.id, { from: '2026-03-09', until: '2026-03-12' }),
    );
    await h.push(lea.token, [substitution]);
    const { cursor } = await h.pullAll(ben.token);
    const shortened = await h.push(lea.token, [
      updateMutation('substitution', substitution.recordId, { until: '2026-03-09' }),
    ]);
    expect(recordOf(shortened.results[0])).toMatchObject({ until: '2026-03-09', version: 2 });
    expect((await pullAllPages(ben, cursor)).removed).toContainEqual({ entity: 'case', id: caseId });
  });

  it('checks substitutions: lead only, a worker of the team, a case of the team, a period that ends after it starts', async () => {
    const { caseId } = await caseWithHistory();
    const tomsCase = createMutation('case', caseData(tom.user.id));
    await h.push(tom.token, [tomsCase]);
    const cases = [
      [ben, substitutionData(caseId, ben.user.id), 'forbidden', null],
      [
        lea,
        substitutionData(caseId, ben.user.id, { from: '2026-03-05', until: '2026-03-04' }),
        'invalid',
        'until',
      ],
      [lea, substitutionData(caseId, tom.user.id), 'forbidden', 'substituteId'],
      [lea, substitutionData(caseId, lea.user.id), 'forbidden', 'substituteId'],
      [lea, substitutionData(caseId, anna.user.id), 'invalid', 'substituteId'],
      [lea, substitutionData(tomsCase.recordId, ben.user.id), 'not_found', 'caseId'],
    ] as const;
    for (const [login, data, code, field] of cases) {
      const { results } = await h.push(login.token, [createMutation('substitution', data)]);
      expect(results[0], JSON.stringify(data)).toMatchObject({ status: 'rejected', code, field });
    }
    const valid = createMutation('substitution', substitutionData(caseId, ben.user.id));
    await h.push(lea.token, [valid]);
    const inverted = await h.push(lea.token, [
      updateMutation('substitution', valid.recordId, { from: '2026-04-01' }),
    ]);
    expect(inverted.results[0]).toMatchObject({ status: 'rejected', code: 'invalid', field: 'from' });
  });

  it('ticks idempotently: a second tick on the same day changes nothing', async () => {
    now = march(1);
    const { caseId } = await caseWithHistory();
    await h.push(lea.token, [
      createMutation(
        'substitution',
        substitutionData(caseId, ben.user.id, { from: '2026-03-25', until: '2026-03-26' }),
      ),
    ]);
    now = march(25);
    const counter = async () =>
      (await h.db.query<{ value: string }>('SELECT value FROM sync_counter'))[0]?.value;
    await h.pull(ben.token, '0', 1);
    const afterFirst = await counter();
    await h.pull(ben.token, '0', 1);
    expect(await counter()).toBe(afterFirst);
    const log = await h.db.query('SELECT reason FROM scope_changes WHERE case_id = $1 ORDER BY seq', [
      caseId,
    ]);
    expect(log).toEqual([{ reason: 'substitution_started' }]);
  });
});
