// Valid field sets and a fresh database per test, shared by the db and sync tests.
// The base values go through the shared schemas, so fields added later with a
// default get it here too; overrides are spread on top unchecked (a test may want
// an invalid value).

import { generateDataKey } from '../../../src/crypto/data-key';
import type { Actor } from '../../../src/db/infrastructure/local-write';
import { FeldakteDb } from '../../../src/db/infrastructure/schema';
import {
  type AppointmentFields,
  CaseFields,
  type CommentFields,
  type GoalFields,
  NoteFields,
  type NoteRecord,
  type PartnerFields,
  PreConsultationFields,
  type SubstitutionFields,
} from '../../../src/shared/records';

export const worker: Actor = {
  userId: '11111111-1111-4111-8111-111111111111',
  teamId: '22222222-2222-4222-8222-222222222222',
};

export const lead: Actor = {
  userId: '33333333-3333-4333-8333-333333333333',
  teamId: worker.teamId,
};

export const colleague: Actor = {
  userId: '55555555-5555-4555-8555-555555555555',
  teamId: worker.teamId,
};

/** What the server adds to a record it holds at version 1, written at `at` by `updatedBy`. */
export function serverMeta(at: string, updatedBy: string) {
  return { teamId: worker.teamId, version: 1, createdAt: at, updatedAt: at, updatedBy, conflicts: [] };
}

/** The data key of every test database: the tests run with encryption at rest on. */
export const testDataKey = await generateDataKey();

/** A test database by name (a second tab on the same database, or the same one reopened). */
export function openTestDb(name: string): FeldakteDb {
  return new FeldakteDb(name, { dataKey: testDataKey });
}

/** Each test gets its own IndexedDB database, so no test sees another's rows. */
export function freshDb(): FeldakteDb {
  return openTestDb(`test-${crypto.randomUUID()}`);
}

export function caseFields(overrides: Partial<CaseFields> = {}): CaseFields {
  const base = CaseFields.parse({
    reference: 'EF-2026-001',
    familyName: 'Familie Berger',
    clients: 'Anna Berger, Tim Berger (7)',
    address: 'Lindenweg 3, 34560 Fritzlar',
    phone: '05622 1234',
    helpType: 'SPFH § 31',
    status: 'open',
    startDate: '2026-01-15',
    assignedTo: worker.userId,
    sourcePreConsultationId: null,
  });
  return { ...base, ...overrides };
}

export function noteFields(caseId: string, overrides: Partial<NoteFields> = {}): NoteFields {
  const base = NoteFields.omit({ caseId: true }).parse({
    date: '2026-03-02',
    kind: 'home_visit',
    durationMinutes: 90,
    text: 'Hausbesuch, Mutter berichtet von besserem Schlafrhythmus.',
    concern8a: false,
    reviewedAt: null,
  });
  return { caseId, ...base, ...overrides };
}

/** A note as the server holds it and a pull delivers it: written by `authorId`, with the server's `meta` (serverMeta). */
export function serverNoteRecord(
  caseId: string,
  fields: Partial<NoteFields>,
  meta: ReturnType<typeof serverMeta>,
  authorId: string = worker.userId,
): NoteRecord {
  return {
    ...noteFields(caseId, fields),
    id: crypto.randomUUID(),
    authorId,
    reviewedBy: null,
    concernAcknowledgedBy: null,
    amendments: [],
    ...meta,
  };
}

export function appointmentFields(
  caseId: string,
  overrides: Partial<AppointmentFields> = {},
): AppointmentFields {
  return {
    caseId,
    date: '2026-03-10',
    time: '09:30',
    durationMinutes: 60,
    place: 'Lindenweg 3',
    kind: 'home_visit',
    status: 'planned',
    ...overrides,
  };
}

export function preConsultationFields(overrides: Partial<PreConsultationFields> = {}): PreConsultationFields {
  const base = PreConsultationFields.parse({
    date: '2026-02-20',
    contact: 'Frau Yilmaz, Kita Sonnenschein',
    concern: 'Kind kommt häufig ohne Frühstück',
    advice: 'Gespräch mit der Mutter angeregt',
    outcome: 'done',
    convertedCaseId: null,
  });
  return { ...base, ...overrides };
}

export function substitutionFields(
  caseId: string,
  overrides: Partial<SubstitutionFields> = {},
): SubstitutionFields {
  return { caseId, substituteId: colleague.userId, from: '2026-07-01', until: '2026-07-21', ...overrides };
}

export function goalFields(caseId: string, overrides: Partial<GoalFields> = {}): GoalFields {
  return {
    caseId,
    title: 'Tagesstruktur mit festen Schlafenszeiten',
    description: 'Die Kinder gehen an Schultagen bis 20 Uhr ins Bett.',
    status: 'open',
    ...overrides,
  };
}

export function commentFields(
  caseId: string,
  noteId: string,
  overrides: Partial<CommentFields> = {},
): CommentFields {
  return { caseId, noteId, text: 'Danke, bitte beim nächsten Besuch die Schule ansprechen.', ...overrides };
}

export function partnerFields(overrides: Partial<PartnerFields> = {}): PartnerFields {
  return {
    name: 'Erziehungsberatung Nord',
    organisation: 'Caritas',
    services: 'Erziehungsberatung, Trennungs- und Scheidungsberatung',
    contact: '0561 123456',
    district: 'Nord',
    ...overrides,
  };
}
