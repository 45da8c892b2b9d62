// Mutations the fuzz test sends that the server must refuse one by one (other
// teams' records, roles, versions never handed out, conflicts that do not exist,
// huge, invalid and unstorable values), and the world they are made against.
// Ids come from the seeded PRNG, so a run can be replayed.
import type { Mutation } from '../../../src/shared/protocol';
import { appointmentData, caseData, noteData, preConsultationData, substitutionData } from './fixtures';
import type { Random } from './prng';

/** What the fuzzer works against: two logins of one team, and records of its own and another team. */
export interface FuzzWorld {
  worker: { token: string; userId: string };
  lead: { token: string; userId: string };
  colleagueId: string;
  otherTeamUserId: string;
  own: {
    caseId: string;
    noteId: string;
    reviewedNoteId: string;
    appointmentId: string;
    preConsultationId: string;
    substitutionId: string;
    conflict: { caseId: string; conflictId: string; version: number };
  };
  colleagueCaseId: string;
  foreign: {
    caseId: string;
    noteId: string;
    appointmentId: string;
    preConsultationId: string;
    mutationId: string;
  };
}

export const clientTime = () => new Date().toISOString();

export function mutation(
  random: Random,
  fields: Partial<Mutation> & Pick<Mutation, 'entity' | 'op' | 'data'>,
): Mutation {
  return {
    id: random.uuid(),
    recordId: random.uuid(),
    baseVersion: fields.op === 'create' ? null : 1,
    clientTime: clientTime(),
    ...fields,
  };
}

/** A valid create by the worker: the base the envelope corruptions start from. */
export function validCreate(r: Random, world: FuzzWorld): Mutation {
  return r.pick([
    () => mutation(r, { entity: 'note', op: 'create', data: noteData(world.own.caseId) }),
    () => mutation(r, { entity: 'appointment', op: 'create', data: appointmentData(world.own.caseId) }),
    () => mutation(r, { entity: 'preConsultation', op: 'create', data: preConsultationData() }),
    () => mutation(r, { entity: 'case', op: 'create', data: caseData(world.worker.userId) }),
  ])();
}

/** Values no note field accepts (or, for reviewedAt, a worker may not set). */
const invalidNoteValues: Record<string, unknown[]> = {
  date: ['2026-02-30', '2025-02-29', '0000-01-01', '2026-13-01', 'heute', 5, null],
  kind: ['visit', '', null, 3],
  durationMinutes: [-5, 1441, 1.5, '60', null],
  text: ['   ', '', null, 5, 'a\u0000b', '\ud800', {}],
  concern8a: ['ja', 0, null],
  reviewedAt: ['2026-02-30T10:00:00Z', 'gestern', 5, '2026-03-01T10:00:00.000Z'],
};

/** Mutations each of which the worker (or lead) may not make; always rejected one by one. */
type RefusedMutation = (random: Random, world: FuzzWorld) => { token: 'worker' | 'lead'; mutation: Mutation };

export const refusedMutations: RefusedMutation[] = [
  // Records of another team, by id.
  (r, w) => ({
    token: r.pick(['worker', 'lead'] as const),
    mutation: mutation(r, {
      entity: r.pick(['case', 'note', 'appointment', 'preConsultation'] as const),
      op: 'update',
      recordId: r.pick([
        w.foreign.caseId,
        w.foreign.noteId,
        w.foreign.appointmentId,
        w.foreign.preConsultationId,
      ]),
      data: {},
    }),
  }),
  (r, w) => ({
    token: 'worker',
    mutation: mutation(r, {
      entity: 'case',
      op: 'update',
      recordId: r.pick([w.foreign.caseId, w.colleagueCaseId]),
      data: { familyName: 'Übernommen' },
    }),
  }),
  (r, w) => ({
    token: r.pick(['worker', 'lead'] as const),
    mutation: r.chance(0.5)
      ? mutation(r, { entity: 'note', op: 'create', data: noteData(w.foreign.caseId) })
      : mutation(r, { entity: 'appointment', op: 'create', data: appointmentData(w.foreign.caseId) }),
  }),
  (r, w) => ({
    token: 'worker',
    mutation: mutation(r, { entity: 'note', op: 'create', data: noteData(w.colleagueCaseId) }),
  }),
  (r, w) => ({
    token: 'worker',
    mutation: r.chance(0.5)
      ? mutation(r, {
          entity: 'preConsultation',
          op: 'create',
          data: preConsultationData({ convertedCaseId: w.colleagueCaseId }),
        })
      : mutation(r, {
          entity: 'preConsultation',
          op: 'update',
          recordId: w.own.preConsultationId,
          data: { convertedCaseId: w.colleagueCaseId },
        }),
  }),
  (r, w) => ({
    token: r.pick(['worker', 'lead'] as const),
    mutation: mutation(r, {
      entity: r.pick(['note', 'appointment', 'preConsultation'] as const),
      op: 'delete',
      recordId: r.pick([w.foreign.noteId, w.foreign.appointmentId, w.foreign.preConsultationId]),
      data: {},
    }),
  }),
  // Conflicts that do not exist, and resolutions of the wrong type.
  (r, w) => ({
    token: 'worker',
    mutation: mutation(r, {
      entity: 'case',
      op: 'resolve',
      recordId: r.pick([w.foreign.caseId, w.own.conflict.caseId]),
      data: { conflictId: r.uuid(), value: 'x' },
    }),
  }),
  (r, w) => ({
    token: 'worker',
    mutation: mutation(r, {
      entity: 'case',
      op: 'resolve',
      recordId: w.own.conflict.caseId,
      baseVersion: w.own.conflict.version,
      data: {
        conflictId: w.own.conflict.conflictId,
        value: r.pick<unknown>([42, null, {}, [], true, 'x'.repeat(61), { toString: 'x' }]),
      },
    }),
  }),
  // Versions the server never handed out; deleting a case; ids already taken.
  (r, w) => ({
    token: 'worker',
    mutation: mutation(r, {
      entity: 'case',
      op: 'update',
      recordId: w.own.caseId,
      baseVersion: r.pick([null, 10_000, 2 ** 31]),
      data: { phone: '1' },
    }),
  }),
  (r, w) => ({
    token: 'worker',
    mutation: mutation(r, { entity: 'case', op: 'delete', recordId: w.own.caseId, data: {} }),
  }),
  (r, w) => {
    const existing = r.pick([
      { entity: 'case' as const, recordId: w.own.caseId, data: caseData(w.worker.userId) },
      { entity: 'note' as const, recordId: w.own.noteId, data: noteData(w.own.caseId) },
      { entity: 'note' as const, recordId: w.foreign.noteId, data: noteData(w.own.caseId) },
    ]);
    return { token: 'worker', mutation: mutation(r, { ...existing, op: 'create' }) };
  },
  (r, w) => ({
    token: 'worker',
    mutation: {
      ...mutation(r, { entity: 'note', op: 'create', data: noteData(w.own.caseId) }),
      id: w.foreign.mutationId,
    },
  }),
  // Roles: what only a lead, only an author, or nobody may do.
  (r, w) => ({
    token: 'worker',
    mutation: mutation(r, {
      entity: 'case',
      op: 'update',
      recordId: w.own.caseId,
      data: { assignedTo: r.pick([w.colleagueId, w.otherTeamUserId]) },
    }),
  }),
  (r, w) => ({
    token: 'worker',
    mutation: mutation(r, {
      entity: 'note',
      op: 'update',
      recordId: w.own.noteId,
      data: { reviewedAt: clientTime() },
    }),
  }),
  (r, w) => ({
    token: r.pick(['worker', 'lead'] as const),
    mutation: mutation(r, {
      entity: 'substitution',
      op: 'create',
      data: substitutionData(
        r.pick([w.own.caseId, w.foreign.caseId]),
        r.pick([w.otherTeamUserId, w.own.caseId]),
        r.chance(0.5) ? { from: '2026-05-02', until: '2026-05-01' } : {},
      ),
    }),
  }),
  (r, w) => ({
    token: 'worker',
    mutation: mutation(r, {
      entity: 'substitution',
      op: r.pick(['update', 'delete'] as const),
      recordId: w.own.substitutionId,
      data: {},
    }),
  }),
  (r, w) => ({
    token: 'lead',
    mutation: r.chance(0.5)
      ? mutation(r, {
          entity: 'note',
          op: 'update',
          recordId: w.own.noteId,
          data: { text: 'Von der Leitung' },
        })
      : mutation(r, { entity: 'note', op: 'delete', recordId: w.own.noteId, data: {} }),
  }),
  (r, w) => ({
    token: 'worker',
    mutation: mutation(r, {
      entity: 'note',
      op: 'delete',
      recordId: w.own.reviewedNoteId,
      baseVersion: 2,
      data: {},
    }),
  }),
  (r, w) => ({
    token: 'lead',
    mutation: mutation(r, {
      entity: 'case',
      op: 'create',
      data: caseData(r.pick([w.otherTeamUserId, w.own.caseId])),
    }),
  }),
  // Huge and invalid values, unknown and server-managed fields, impossible dates.
  (r, w) => ({
    token: 'worker',
    mutation: mutation(r, {
      entity: 'case',
      op: 'create',
      data: caseData(w.worker.userId, {
        [r.pick(['familyName', 'reference', 'clients', 'address', 'phone'])]: 'x'.repeat(
          r.int(1001, 300_000),
        ),
      }),
    }),
  }),
  (r, w) => ({
    token: 'worker',
    mutation: mutation(r, {
      entity: 'note',
      op: 'create',
      data: noteData(w.own.caseId, { text: 'ü'.repeat(r.int(20_001, 200_000)) }),
    }),
  }),
  (r, w) => {
    const [field, values] = r.pick(Object.entries(invalidNoteValues));
    return {
      token: 'worker',
      mutation: mutation(r, {
        entity: 'note',
        op: 'create',
        data: noteData(w.own.caseId, { [field]: r.pick(values) }),
      }),
    };
  },
  (r, w) => ({
    token: 'worker',
    mutation: mutation(r, {
      entity: 'note',
      op: 'create',
      data: {
        ...noteData(w.own.caseId),
        [r.pick(['teamId', 'authorId', 'version', 'seq', 'isAdmin', 'constructor', 'x'.repeat(500)])]: 1,
      },
    }),
  }),
  (r, w) => ({
    token: 'worker',
    mutation: {
      ...mutation(r, { entity: 'note', op: 'create', data: noteData(w.own.caseId) }),
      clientTime: r.pick(['0000-01-01T00:00:00Z', '0000-12-31T23:59:59.999Z']),
    },
  }),
];
