// Builders of valid mutations; tests override what they are about.
import { randomUUID } from 'node:crypto';
import type { Change, Mutation } from '../../../src/shared/protocol';
import type { MutableEntity, SyncedEntity } from '../../../src/shared/records';

export function createMutation(
  entity: MutableEntity,
  data: Record<string, unknown>,
  recordId: string = randomUUID(),
): Mutation {
  return {
    id: randomUUID(),
    entity,
    op: 'create',
    recordId,
    baseVersion: null,
    data,
    clientTime: new Date().toISOString(),
  };
}

export function updateMutation(
  entity: MutableEntity,
  recordId: string,
  data: Record<string, unknown>,
  baseVersion = 1,
): Mutation {
  return {
    id: randomUUID(),
    entity,
    op: 'update',
    recordId,
    baseVersion,
    data,
    clientTime: new Date().toISOString(),
  };
}

export function caseData(
  assignedTo: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    reference: 'T-2026-001',
    familyName: 'Testfamilie',
    clients: 'Erika Muster (Mutter), Max (6)',
    address: 'Teststraße 1, 12345 Testdorf',
    phone: '0170 0000000',
    helpType: 'SPFH § 31 SGB VIII',
    status: 'open',
    startDate: '2026-01-15',
    assignedTo,
    sourcePreConsultationId: null,
    ...overrides,
  };
}

export function noteData(caseId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    caseId,
    date: '2026-02-01',
    kind: 'home_visit',
    durationMinutes: 60,
    text: 'Hausbesuch, alles in Ordnung.',
    concern8a: false,
    reviewedAt: null,
    ...overrides,
  };
}

export function appointmentData(
  caseId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    caseId,
    date: '2026-02-03',
    time: '10:00',
    durationMinutes: 60,
    place: 'bei der Familie',
    kind: 'home_visit',
    status: 'planned',
    ...overrides,
  };
}

export function preConsultationData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    date: '2026-02-02',
    contact: 'Anonyme Anruferin',
    concern: 'Sorge um ein Kind in der Nachbarschaft',
    advice: 'Beratungsstelle empfohlen',
    outcome: 'referral',
    convertedCaseId: null,
    ...overrides,
  };
}

/** The ids of the changes of one entity, in the order they arrived. */
export function idsOf(changes: readonly Change[], entity: SyncedEntity): string[] {
  return changes.filter((c) => c.entity === entity).map((c) => c.record.id);
}

export function deleteMutation(entity: MutableEntity, recordId: string, baseVersion = 1): Mutation {
  return {
    id: randomUUID(),
    entity,
    op: 'delete',
    recordId,
    baseVersion,
    data: {},
    clientTime: new Date().toISOString(),
  };
}

export function resolveMutation(
  entity: MutableEntity,
  recordId: string,
  conflictId: string,
  value: unknown,
  baseVersion = 1,
): Mutation {
  return {
    id: randomUUID(),
    entity,
    op: 'resolve',
    recordId,
    baseVersion,
    data: { conflictId, value },
    clientTime: new Date().toISOString(),
  };
}

export function substitutionData(
  caseId: string,
  substituteId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return { caseId, substituteId, from: '2026-03-02', until: '2026-03-06', ...overrides };
}

export function goalData(caseId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { caseId, title: 'Regelmäßiger Schulbesuch', description: '', status: 'open', ...overrides };
}

export function commentData(
  caseId: string,
  noteId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return { caseId, noteId, text: 'Bitte die Absprache mit der Schule ergänzen.', ...overrides };
}

export function partnerData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Erziehungsberatungsstelle Teststadt',
    organisation: 'Diakonie Testkreis',
    services: 'Erziehungsberatung, Trennungsberatung',
    contact: '05841 000000',
    district: 'Teststadt',
    ...overrides,
  };
}
