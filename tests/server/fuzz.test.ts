// Bad input: thousands of malformed or hostile push and pull requests (wrong
// types, missing fields, huge strings and bodies, unknown entities and ops, other
// teams' ids, invalid cursors, duplicate mutation ids in one batch, prototype
// pollution, deep nesting, wrong content types, non-JSON, bad headers). Every
// answer must be a 4xx with a message - or a 200 whose every mutation is
// rejected with a message - never a 5xx, and no table may change.
// Seeded: FUZZ_SEED=<n> replays a run; a failure names the request number.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type LoginResponse, PushResponse } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import {
  appointmentData,
  caseData,
  createMutation,
  noteData,
  preConsultationData,
  substitutionData,
  updateMutation,
} from './helpers/fixtures';
import { createHarness, type Harness } from './helpers/harness';
import { generators, pickFamily } from './helpers/hostile-requests';
import { seededRandom } from './helpers/prng';
import type { FuzzWorld } from './helpers/refused-mutations';
import { onlyConflict, recordOf } from './helpers/results';
import { createFingerprinter, type Fingerprinter } from './helpers/table-fingerprint';

const REQUESTS = 2_100;
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_301);

/** Why an answer is not an acceptable refusal, or null when it is one. */
function refusalProblem(response: LightMyRequestResponse): string | null {
  if (response.statusCode >= 500) return `server error ${response.statusCode}: ${response.body}`;
  if (response.statusCode >= 400) {
    const parsed = ApiError.safeParse(response.json());
    if (!parsed.success) return `4xx without an error body: ${response.body.slice(0, 200)}`;
    return parsed.data.error.message.trim() === '' ? 'empty error message' : null;
  }
  const pushed = PushResponse.safeParse(response.json());
  if (!pushed.success) return `${response.statusCode} that is not a refusal: ${response.body.slice(0, 200)}`;
  const accepted = pushed.data.results.find((r) => r.status !== 'rejected' || r.message.trim() === '');
  return accepted ? `mutation not rejected: ${JSON.stringify(accepted).slice(0, 300)}` : null;
}

describe.each(databaseTargets())('fuzzed sync requests ($name)', (target) => {
  let h: Harness;
  let world: FuzzWorld;
  let fingerprint: Fingerprinter;

  beforeAll(async () => {
    h = await createHarness(target);
    const [anna, ben, lea, tom]: LoginResponse[] = await Promise.all(
      ['anna', 'ben', 'lea', 'tom'].map((name) => h.login(name)),
    );
    if (!anna || !ben || !lea || !tom) throw new Error('demo logins missing');
    const own = createMutation('case', caseData(anna.user.id));
    const note = createMutation('note', noteData(own.recordId));
    const reviewed = createMutation('note', noteData(own.recordId));
    const appointment = createMutation('appointment', appointmentData(own.recordId));
    const pc = createMutation('preConsultation', preConsultationData());
    await h.push(anna.token, [own, note, reviewed, appointment, pc], 'anna-phone');
    await h.push(lea.token, [
      updateMutation('note', reviewed.recordId, { reviewedAt: new Date().toISOString() }),
    ]);
    const substitution = createMutation(
      'substitution',
      substitutionData(own.recordId, ben.user.id, { from: '2099-01-01', until: '2099-01-31' }),
    );
    await h.push(lea.token, [substitution]);
    await h.push(anna.token, [updateMutation('case', own.recordId, { phone: '1' })], 'anna-phone');
    const conflicted = await h.push(
      lea.token,
      [updateMutation('case', own.recordId, { phone: '2' })],
      'lea-tab',
    );

    const bens = createMutation('case', caseData(ben.user.id));
    await h.push(ben.token, [bens]);
    const foreign = createMutation('case', caseData(tom.user.id));
    const foreignNote = createMutation('note', noteData(foreign.recordId));
    const foreignAppointment = createMutation('appointment', appointmentData(foreign.recordId));
    const foreignPc = createMutation('preConsultation', preConsultationData());
    await h.push(tom.token, [foreign, foreignNote, foreignAppointment, foreignPc]);

    world = {
      worker: { token: anna.token, userId: anna.user.id },
      lead: { token: lea.token, userId: lea.user.id },
      colleagueId: ben.user.id,
      otherTeamUserId: tom.user.id,
      own: {
        caseId: own.recordId,
        noteId: note.recordId,
        reviewedNoteId: reviewed.recordId,
        appointmentId: appointment.recordId,
        preConsultationId: pc.recordId,
        substitutionId: substitution.recordId,
        conflict: {
          caseId: own.recordId,
          conflictId: onlyConflict(conflicted.results[0]).id,
          version: recordOf(conflicted.results[0]).version,
        },
      },
      colleagueCaseId: bens.recordId,
      foreign: {
        caseId: foreign.recordId,
        noteId: foreignNote.recordId,
        appointmentId: foreignAppointment.recordId,
        preConsultationId: foreignPc.recordId,
        mutationId: foreign.id,
      },
    };
    // Ticks the substitution periods once, so pulls during the run write nothing.
    await h.pullAll(anna.token);
    fingerprint = await createFingerprinter(h.db);
  });
  afterAll(() => h?.close());

  it(`refuses ${REQUESTS} hostile requests with a clear 4xx and changes no table`, async () => {
    const random = seededRandom(SEED);
    const perFamily: Record<string, number> = {};
    const perStatus: Record<string, number> = {};
    let rejectedMutations = 0;
    const before = await fingerprint.take();

    for (let n = 0; n < REQUESTS; n++) {
      const family = pickFamily(random);
      const generate = generators[family];
      if (!generate) throw new Error(`unknown family ${family}`);
      const { request } = generate(random, world);
      const response = await h.request(request);
      const label = `request ${n} (seed ${SEED}, ${family}): ${request.method} ${request.url} ${String(request.payload ?? '').slice(0, 300)}`;
      expect(refusalProblem(response), label).toBeNull();
      expect(await fingerprint.take(), label).toEqual(before);

      perFamily[family] = (perFamily[family] ?? 0) + 1;
      perStatus[response.statusCode] = (perStatus[response.statusCode] ?? 0) + 1;
      if (response.statusCode === 200)
        rejectedMutations += PushResponse.parse(response.json()).results.length;
    }
    console.log(
      `[fuzz ${target.name}] ${JSON.stringify({
        seed: SEED,
        requests: REQUESTS,
        tablesCompared: fingerprint.tables.length,
        rejectedMutations,
        perStatus,
        perFamily,
      })}`,
    );
  }, 180_000);
});
