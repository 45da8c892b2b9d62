// The life of a case on the server: who may take a case on and change what the
// Jugendamt decided, districts and household, the closure (asked for by the
// worker, made by the lead), closed cases as read-only, and retention counted
// from "Ende". Against PGlite, and PostgreSQL when DATABASE_URL is set.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION } from '../../src/server/services/retention';
import { localIsoDate } from '../../src/shared/local-date';
import { CaseExport, type LoginResponse, type MutationResult } from '../../src/shared/protocol';
import { CaseFields } from '../../src/shared/records';
import { databaseTargets } from './helpers/databases';
import {
  appointmentData,
  caseData,
  commentData,
  createMutation,
  goalData,
  noteData,
  preConsultationData,
  resolveMutation,
  substitutionData,
  updateMutation,
} from './helpers/fixtures';
import { createHarness, type Harness, harnessForBlock } from './helpers/harness';
import { onlyConflict, recordOf } from './helpers/results';

const DAY = 24 * 60 * 60 * 1000;

/** The day `offset` days from today, as the server counts days. */
function dayFrom(offset: number): string {
  const today = new Date();
  return localIsoDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset));
}

const closing = { endDate: dayFrom(-1), closingReason: 'goals_met' } as const;

function expectRefused(
  result: MutationResult | undefined,
  expected: { code: string; field?: string | null; messageKey: string },
): void {
  expect(result).toMatchObject({ status: 'rejected', ...expected });
  expect(result?.status === 'rejected' && result.message.trim()).toBeTruthy();
}

describe.each(databaseTargets())('the life of a case ($name)', (target) => {
  let h: Harness;
  let anna: LoginResponse;
  let ben: LoginResponse;
  let lea: LoginResponse;

  harnessForBlock(target, ['anna', 'ben', 'lea'], (opened, sessions) => {
    h = opened;
    [anna, ben, lea] = sessions;
  });

  const rowOf = async (id: string) =>
    (
      await h.db.query<{ version: number; status: string }>(
        'SELECT version, status FROM cases WHERE id = $1',
        [id],
      )
    )[0];

  /** A case of Anna's as the lead takes it on; returns its id and version. */
  async function leadsCaseForAnna(overrides: Record<string, unknown> = {}) {
    const create = createMutation(
      'case',
      caseData(anna.user.id, {
        approvedHoursPerMonth: 8,
        helpKind: 'sgb8_31',
        payer: 'Jugendamt Landkreis Nordheide',
        payerContact: 'Frau Brandt',
        district: 'Altstadt',
        ...overrides,
      }),
    );
    const [created] = (await h.push(lea.token, [create])).results;
    return { id: create.recordId, version: recordOf(created).version };
  }

  const update = async (who: LoginResponse, id: string, patch: Record<string, unknown>, device?: string) => {
    const version = (await rowOf(id))?.version ?? 1;
    return (await h.push(who.token, [updateMutation('case', id, patch, version)], device)).results[0];
  };

  describe('"Neuer Fall"', () => {
    it("lets a worker take a case on for themselves with Hilfeart and Kostenträger from the Jugendamt's letter", async () => {
      const create = createMutation(
        'case',
        caseData(anna.user.id, {
          helpKind: 'sgb8_30',
          payer: 'Jugendamt Landkreis Nordheide',
          payerContact: 'Herr Lindqvist, 05841 120-418',
          district: 'Heidkamp',
          nextHelpPlanDate: dayFrom(30),
        }),
      );
      const [created] = (await h.push(anna.token, [create])).results;
      expect(recordOf(created)).toMatchObject({
        helpKind: 'sgb8_30',
        payer: 'Jugendamt Landkreis Nordheide',
        approvedHoursPerMonth: 0,
        assignedTo: anna.user.id,
      });
    });

    it("refuses approved hours in a worker's new case and a worker's case for someone else", async () => {
      const withHours = createMutation('case', caseData(anna.user.id, { approvedHoursPerMonth: 10 }));
      const forBen = createMutation('case', caseData(ben.user.id));
      const { results } = await h.push(anna.token, [withHours, forBen]);
      expectRefused(results[0], {
        code: 'forbidden',
        field: 'approvedHoursPerMonth',
        messageKey: 'onlyLeadApprovesHours',
      });
      expectRefused(results[1], {
        code: 'forbidden',
        field: 'assignedTo',
        messageKey: 'workersAssignThemselves',
      });
      expect(await rowOf(withHours.recordId)).toBeUndefined();
      expect(await rowOf(forBen.recordId)).toBeUndefined();
    });

    it('lets a lead take a case on for anyone in the team, with approved hours', async () => {
      const { id } = await leadsCaseForAnna({ approvedHoursPerMonth: 12 });
      const { changes } = await h.pullAll(anna.token);
      expect(changes.find((c) => c.record.id === id)?.record).toMatchObject({ approvedHoursPerMonth: 12 });
    });

    it('still validates an entry queued by an older app without the new fields, giving their defaults', async () => {
      const old = createMutation('case', {
        reference: 'ALT-1',
        familyName: 'Altdaten',
        clients: '',
        address: '',
        phone: '',
        helpType: 'SPFH',
        status: 'open',
        startDate: '2025-05-01',
        assignedTo: anna.user.id,
        sourcePreConsultationId: null,
      });
      const [created] = (await h.push(anna.token, [old])).results;
      const defaults = CaseFields.pick({
        approvedHoursPerMonth: true,
        district: true,
        helpKind: true,
        payer: true,
        payerContact: true,
        nextHelpPlanDate: true,
        household: true,
        endDate: true,
        closingReason: true,
        followUpHelp: true,
        closingNote: true,
      }).parse({});
      expect(recordOf(created)).toMatchObject(defaults);
      const [edited] = (await h.push(anna.token, [updateMutation('case', old.recordId, { phone: '0170 9' })]))
        .results;
      expect(recordOf(edited)).toMatchObject({ phone: '0170 9', version: 2 });
    });

    it('converts a pre-consultation into a case', async () => {
      const pre = createMutation('preConsultation', preConsultationData({ outcome: 'help_recommended' }));
      const converted = createMutation(
        'case',
        caseData(anna.user.id, { sourcePreConsultationId: pre.recordId }),
      );
      const link = updateMutation('preConsultation', pre.recordId, { convertedCaseId: converted.recordId });
      const { results } = await h.push(anna.token, [pre, converted, link]);
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      expect(recordOf(results[1])).toMatchObject({ sourcePreConsultationId: pre.recordId });
    });
  });

  describe("what the Jugendamt decided is the lead's", () => {
    it('refuses a worker who changes approved hours, Hilfeart, Kostenträger or assignment', async () => {
      const { id, version } = await leadsCaseForAnna();
      const refusals = [
        [{ approvedHoursPerMonth: 40 }, 'approvedHoursPerMonth', 'onlyLeadApprovesHours'],
        [{ helpKind: 'sgb8_35' }, 'helpKind', 'onlyLeadChangesHelpKind'],
        [{ payer: 'Jugendamt Stadt Celle' }, 'payer', 'onlyLeadChangesPayer'],
        [{ payerContact: 'Herr Meier' }, 'payerContact', 'onlyLeadChangesPayer'],
        [{ assignedTo: ben.user.id }, 'assignedTo', 'onlyLeadReassigns'],
        [{ phone: '0170 1', approvedHoursPerMonth: 40 }, 'approvedHoursPerMonth', 'onlyLeadApprovesHours'],
      ] as const;
      for (const [patch, field, messageKey] of refusals) {
        const result = await update(anna, id, patch);
        expectRefused(result, { code: 'forbidden', field, messageKey });
      }
      const { changes } = await h.pullAll(lea.token);
      expect(changes.find((c) => c.record.id === id)?.record).toMatchObject({
        version,
        approvedHoursPerMonth: 8,
        helpKind: 'sgb8_31',
        assignedTo: anna.user.id,
      });
    });

    it("lets the worker change everything else, also when the form sends the lead's fields unchanged", async () => {
      const { id } = await leadsCaseForAnna();
      const household = [
        { id: randomUUID(), kind: 'guardian', name: 'Sandra Test', contact: '0170 2' },
        { id: randomUUID(), kind: 'young_person', firstName: 'Leon', birthMonth: '2017-03', gender: 'male' },
      ];
      const result = await update(anna, id, {
        address: 'Neuer Weg 1, 12345 Testdorf',
        phone: '0170 3',
        district: 'Nordstadt',
        nextHelpPlanDate: dayFrom(10),
        household,
        approvedHoursPerMonth: 8,
        helpKind: 'sgb8_31',
        assignedTo: anna.user.id,
      });
      expect(recordOf(result)).toMatchObject({ phone: '0170 3', district: 'Nordstadt', household });
    });

    it('lets the lead change approved hours, Hilfeart, Kostenträger and hand the case over', async () => {
      const { id } = await leadsCaseForAnna();
      const result = await update(lea, id, {
        approvedHoursPerMonth: 40,
        helpKind: 'sgb8_35a',
        payer: 'Jugendamt Stadt Celle',
        payerContact: 'Herr Meier',
        assignedTo: ben.user.id,
      });
      expect(recordOf(result)).toMatchObject({ approvedHoursPerMonth: 40, assignedTo: ben.user.id });
    });
  });

  describe('districts and household', () => {
    it("accepts only a district of the team's list as stored at the time of the write", async () => {
      const outside = createMutation('case', caseData(anna.user.id, { district: 'Mondbasis' }));
      const otherTeams = createMutation('case', caseData(anna.user.id, { district: 'Südviertel' }));
      const none = createMutation('case', caseData(anna.user.id, { district: '' }));
      const inside = createMutation('case', caseData(anna.user.id, { district: 'Am Bahnhof' }));
      const { results } = await h.push(anna.token, [outside, otherTeams, none, inside]);
      for (const refused of results.slice(0, 2)) {
        expectRefused(refused, { code: 'invalid', field: 'district', messageKey: 'districtNotOfTeam' });
      }
      expect(results.slice(2).map((r) => r.status)).toEqual(['applied', 'applied']);

      // The team drops the district: the case keeps it and stays editable, nobody sets it anew.
      const [team] = await h.db.query<{ districts: string[] }>('SELECT districts FROM teams WHERE id = $1', [
        anna.user.teamId,
      ]);
      await h.db.query('UPDATE teams SET districts = $2::jsonb WHERE id = $1', [
        anna.user.teamId,
        JSON.stringify(team?.districts.filter((d) => d !== 'Am Bahnhof')),
      ]);
      try {
        expect(recordOf(await update(anna, inside.recordId, { phone: '0170 4' }))).toMatchObject({
          district: 'Am Bahnhof',
        });
        const moved = await update(anna, none.recordId, { district: 'Am Bahnhof' });
        expectRefused(moved, { code: 'invalid', field: 'district', messageKey: 'districtNotOfTeam' });
      } finally {
        await h.db.query('UPDATE teams SET districts = $2::jsonb WHERE id = $1', [
          anna.user.teamId,
          JSON.stringify(team?.districts),
        ]);
      }
    });

    it('refuses a household that names one person id twice', async () => {
      const id = randomUUID();
      const twice = createMutation(
        'case',
        caseData(anna.user.id, {
          household: [
            { id, kind: 'guardian', name: 'Eine Mutter' },
            { id, kind: 'young_person', firstName: 'Kind', birthMonth: null, gender: 'unspecified' },
          ],
        }),
      );
      const [result] = (await h.push(anna.token, [twice])).results;
      expectRefused(result, { code: 'invalid', field: 'household', messageKey: 'householdMemberRepeated' });
    });
  });

  describe('closure', () => {
    it('lets the worker ask for the closure only with "Ende" and "Beendigungsgrund", and withdraw it', async () => {
      const { id } = await leadsCaseForAnna({ startDate: dayFrom(-100) });
      expectRefused(await update(anna, id, { status: 'closure_requested' }), {
        code: 'invalid',
        field: 'endDate',
        messageKey: 'closureNeedsEndAndReason',
      });
      expectRefused(await update(anna, id, { status: 'closure_requested', endDate: dayFrom(-1) }), {
        code: 'invalid',
        field: 'closingReason',
        messageKey: 'closureNeedsEndAndReason',
      });
      expectRefused(
        await update(anna, id, { ...closing, status: 'closure_requested', endDate: dayFrom(-101) }),
        {
          code: 'invalid',
          field: 'endDate',
          messageKey: 'caseEndsBeforeStart',
        },
      );
      expect((await rowOf(id))?.status).toBe('open');

      const requested = await update(anna, id, {
        ...closing,
        status: 'closure_requested',
        followUpHelp: 'Erziehungsberatung',
        closingNote: 'Ziele erreicht.',
      });
      expect(recordOf(requested)).toMatchObject({ status: 'closure_requested', ...closing });
      // Asked for, the case still needs its end and reason.
      expectRefused(await update(anna, id, { closingReason: null }), {
        code: 'invalid',
        field: 'closingReason',
        messageKey: 'closureNeedsEndAndReason',
      });
      expect(recordOf(await update(anna, id, { status: 'open' }))).toMatchObject({ status: 'open' });
    });

    it('refuses a worker who closes, directly or after asking', async () => {
      const { id } = await leadsCaseForAnna();
      const refusal = { code: 'forbidden', field: 'status', messageKey: 'onlyLeadClosesCase' } as const;
      expectRefused(await update(anna, id, { ...closing, status: 'closed' }), refusal);
      await update(anna, id, { ...closing, status: 'closure_requested' });
      expectRefused(await update(anna, id, { status: 'closed' }), refusal);
      expect((await rowOf(id))?.status).toBe('closure_requested');
    });

    it('lets the lead close a requested or an open case, and reopen it', async () => {
      const requested = await leadsCaseForAnna();
      await update(anna, requested.id, { ...closing, status: 'closure_requested' });
      expect(recordOf(await update(lea, requested.id, { status: 'closed' }))).toMatchObject({
        status: 'closed',
        ...closing,
      });

      const open = await leadsCaseForAnna();
      expectRefused(await update(lea, open.id, { status: 'closed' }), {
        code: 'invalid',
        field: 'endDate',
        messageKey: 'closureNeedsEndAndReason',
      });
      expect(recordOf(await update(lea, open.id, { ...closing, status: 'closed' }))).toMatchObject({
        status: 'closed',
      });
      expectRefused(await update(anna, open.id, { status: 'open' }), {
        code: 'forbidden',
        field: 'status',
        messageKey: 'onlyLeadReopensCase',
      });
      expect(recordOf(await update(lea, open.id, { status: 'open' }))).toMatchObject({ status: 'open' });
      expect(recordOf(await update(anna, open.id, { phone: '0170 5' }))).toMatchObject({ phone: '0170 5' });
    });

    it("makes a lead's close that crossed the worker's request a conflict the lead settles", async () => {
      const { id, version } = await leadsCaseForAnna();
      await update(anna, id, { ...closing, status: 'closure_requested' }, 'anna-phone');
      // The lead's tablet closes on the version before the request.
      const [crossed] = (
        await h.push(
          lea.token,
          [updateMutation('case', id, { ...closing, status: 'closed' }, version)],
          'lea-tab',
        )
      ).results;
      const conflict = onlyConflict(crossed);
      expect(conflict.field).toBe('status');
      expect(recordOf(crossed).status).toBe('closure_requested');
      const [settled] = (
        await h.push(lea.token, [
          resolveMutation('case', id, conflict.id, 'closed', recordOf(crossed).version),
        ])
      ).results;
      expect(recordOf(settled)).toMatchObject({ status: 'closed', conflicts: [] });
    });
  });

  describe('a closed case is read-only', () => {
    let caseId: string;
    let noteId: string;
    let appointmentId: string;
    let goalId: string;
    let versionBeforeClosing: number;

    beforeAll(async () => {
      ({ id: caseId } = await leadsCaseForAnna());
      const note = createMutation('note', noteData(caseId));
      const appointment = createMutation('appointment', appointmentData(caseId));
      const goal = createMutation('goal', goalData(caseId));
      await h.push(anna.token, [note, appointment, goal]);
      noteId = note.recordId;
      appointmentId = appointment.recordId;
      goalId = goal.recordId;
      versionBeforeClosing = (await rowOf(caseId))?.version ?? 0;
      const closed = await update(lea, caseId, { ...closing, status: 'closed' });
      expect(recordOf(closed).status).toBe('closed');
    });

    const counts = () =>
      h.db.query(
        `SELECT (SELECT count(*)::int FROM notes WHERE case_id = $1) AS notes,
                (SELECT count(*)::int FROM appointments WHERE case_id = $1) AS appointments,
                (SELECT count(*)::int FROM goals WHERE case_id = $1) AS goals,
                (SELECT count(*)::int FROM comments WHERE case_id = $1) AS comments,
                (SELECT count(*)::int FROM substitutions WHERE case_id = $1) AS substitutions,
                (SELECT max(version) FROM cases WHERE id = $1) AS version`,
        [caseId],
      );

    it('refuses any change of its fields, by the worker and by the lead', async () => {
      const before = await counts();
      const closedRefusal = { code: 'forbidden', messageKey: 'caseClosed' } as const;
      expectRefused(await update(anna, caseId, { phone: '0170 6' }), { ...closedRefusal, field: 'phone' });
      expectRefused(await update(lea, caseId, { phone: '0170 6' }), { ...closedRefusal, field: 'phone' });
      expectRefused(await update(lea, caseId, { approvedHoursPerMonth: 2 }), closedRefusal);
      expectRefused(await update(anna, caseId, { status: 'closure_requested' }), closedRefusal);
      expect(await counts()).toEqual(before);
    });

    it('refuses new or changed notes, appointments, goals, comments and substitutions', async () => {
      const before = await counts();
      const refusal = { code: 'forbidden', messageKey: 'caseClosed' } as const;
      const asAnna = await h.push(anna.token, [
        createMutation('note', noteData(caseId)),
        createMutation('appointment', appointmentData(caseId)),
        createMutation('goal', goalData(caseId)),
        createMutation('comment', commentData(caseId, noteId)),
        updateMutation('note', noteId, { text: 'Nachtrag' }),
        updateMutation('appointment', appointmentId, { place: 'anderswo' }),
        updateMutation('goal', goalId, { status: 'achieved' }),
      ]);
      for (const result of asAnna.results) expectRefused(result, refusal);
      const asLea = await h.push(lea.token, [
        createMutation('comment', commentData(caseId, noteId)),
        updateMutation('note', noteId, { reviewedAt: new Date().toISOString() }),
        createMutation('substitution', substitutionData(caseId, ben.user.id)),
      ]);
      for (const result of asLea.results) expectRefused(result, refusal);
      expect(await counts()).toEqual(before);
    });

    it("refuses the worker's offline edit that arrives after the closing, to be shown among their rejected changes", async () => {
      const [late] = (
        await h.push(anna.token, [updateMutation('case', caseId, { phone: '0170 7' }, versionBeforeClosing)])
      ).results;
      expectRefused(late, { code: 'forbidden', field: 'phone', messageKey: 'caseClosed' });
    });

    it('takes changes again once the lead reopened it', async () => {
      expect(recordOf(await update(lea, caseId, { status: 'open' })).status).toBe('open');
      const [note] = (await h.push(anna.token, [createMutation('note', noteData(caseId))])).results;
      expect(note?.status).toBe('applied');
    });
  });
});

describe.each(databaseTargets())('retention counted from "Ende" ($name)', (target) => {
  let h: Harness;
  let now = new Date();
  let lea: LoginResponse;
  let anna: LoginResponse;

  beforeAll(async () => {
    h = await createHarness(target, { clock: () => now });
    anna = await h.login('anna');
    lea = await h.login('lea');
  });
  afterAll(() => h?.close());

  const exists = async (id: string) =>
    (await h.db.query('SELECT id FROM cases WHERE id = $1', [id])).length === 1;

  async function closedCase(endDate: string): Promise<string> {
    const create = createMutation('case', caseData(anna.user.id, { startDate: '2020-01-01' }));
    await h.push(lea.token, [create]);
    await h.push(lea.token, [
      updateMutation('case', create.recordId, { status: 'closed', endDate, closingReason: 'other' }),
    ]);
    return create.recordId;
  }

  it('erases a closed case the period after its end date, not after its closing', async () => {
    now = new Date();
    // Closed today, but the help ended 400 days ago.
    const ended = dayFrom(-400);
    const id = await closedCase(ended);
    const exported = CaseExport.parse(
      (
        await h.request({
          method: 'GET',
          url: `/api/cases/${id}/export`,
          headers: { authorization: `Bearer ${lea.token}` },
        })
      ).json(),
    );
    const [year = 0, month = 1, day = 1] = ended.split('-').map(Number);
    const due = new Date(year, month - 1, day + DEFAULT_RETENTION.caseDays);
    expect(exported.deletionDate).toBe(due.toISOString());
    expect(due.getTime() - Date.now()).toBeLessThan((DEFAULT_RETENTION.caseDays - 390) * DAY);

    now = new Date(due.getTime() - 60 * 60 * 1000);
    await h.pull(anna.token);
    expect(await exists(id)).toBe(true);
    now = new Date(due.getTime() + 60 * 60 * 1000);
    const { removed } = await h.pull(anna.token);
    expect(removed).toContainEqual({ entity: 'case', id });
    expect(await exists(id)).toBe(false);
  });

  it('counts from the closing for a closed case without an end date, and never erases a requested closure', async () => {
    now = new Date();
    const id = await closedCase(dayFrom(0));
    await h.db.query('UPDATE cases SET end_date = NULL WHERE id = $1', [id]);
    const requested = createMutation('case', caseData(anna.user.id, { startDate: '2020-01-01' }));
    await h.push(lea.token, [requested]);
    await h.push(anna.token, [
      updateMutation('case', requested.recordId, {
        status: 'closure_requested',
        endDate: '2020-02-01',
        closingReason: 'other',
      }),
    ]);
    const [row] = await h.db.query<{ closedAt: Date }>(
      'SELECT closed_at AS "closedAt" FROM cases WHERE id = $1',
      [id],
    );
    const due = new Date(row?.closedAt ?? 0).getTime() + DEFAULT_RETENTION.caseDays * DAY;
    now = new Date(due - 2 * 60 * 60 * 1000);
    await h.pull(anna.token);
    expect(await exists(id)).toBe(true);
    now = new Date(due + 26 * 60 * 60 * 1000);
    await h.pull(anna.token);
    expect(await exists(id)).toBe(false);
    expect(await exists(requested.recordId)).toBe(true);
  });
});
