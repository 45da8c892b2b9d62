// The local database of one user on one device, with every schema version.
// Versions are only ever added: a Dexie upgrade must never drop a pending outbox
// entry, so a new version may add tables and indexes but not remove `outbox`,
// and its upgrade function must leave outbox rows as they are.
//
// v1: records, members, outbox, meta.
// v2: substitutions; `bases` (the server's copy of each record with changes
//     still waiting, so a rejected change can be taken back exactly); a sparse
//     `hasConflicts` index on every mutable table (records with open conflicts);
//     `caseId` on outbox entries, so a case leaving the device can tell which
//     waiting changes belong to it. v1 records get `conflicts: []` (and notes
//     `amendments: []`), which the v2 protocol requires.
import { Dexie, type Table, type Transaction } from 'dexie';
import type { MutationOp, RejectionCode } from '../shared/protocol';
import type {
  AppointmentRecord,
  CaseRecord,
  MemberRecord,
  MutableEntity,
  NoteRecord,
  PreConsultationRecord,
  RecordOf,
  SubstitutionRecord,
  SyncedEntity,
} from '../shared/records';

export interface Rejection {
  code: RejectionCode;
  httpStatus: number;
  message: string;
  field: string | null;
  at: string;
}

/** A local change waiting for the server; written in the same transaction as the record itself. */
export interface OutboxEntry {
  /** Local order of the queue; assigned by IndexedDB. */
  seq?: number;
  /** Mutation id, made on the device; the server applies each id at most once. */
  id: string;
  entity: MutableEntity;
  op: MutationOp;
  recordId: string;
  baseVersion: number | null;
  data: Record<string, unknown>;
  clientTime: string;
  /** pending: not yet acknowledged; rejected: the server refused it and the user should see why. */
  status: 'pending' | 'rejected';
  rejection: Rejection | null;
  /**
   * The case the changed record belongs to (the case itself for a case; null for
   * a pre-consultation). Local only, never sent. Missing on entries written by v1.
   */
  caseId?: string | null;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

/** The server's state of a record the device has unacknowledged changes for. */
export interface ServerBase {
  /** The record's id. */
  id: string;
  entity: MutableEntity;
  record: RecordOf[MutableEntity];
}

export const USER_DB_PREFIX = 'feldakte-user-';

/**
 * Name of the sparse index over records with open conflicts: the property is 1
 * while `conflicts` is not empty and absent otherwise (see conflict-flag.ts).
 */
export const CONFLICT_INDEX = 'hasConflicts';

/** The stores of schema version 1, exactly as shipped. Never change them. */
const STORES_V1 = {
  cases: 'id, status, assignedTo',
  notes: 'id, caseId, [caseId+date], authorId, date',
  appointments: 'id, caseId, [date+time], workerId',
  preConsultations: 'id, date',
  members: 'id',
  outbox: '++seq, &id, recordId, status',
  meta: 'key',
} as const;

/** Only what changes in version 2; Dexie keeps the other stores as they are. */
const STORES_V2 = {
  cases: `id, status, assignedTo, ${CONFLICT_INDEX}`,
  notes: `id, caseId, [caseId+date], authorId, date, ${CONFLICT_INDEX}`,
  appointments: `id, caseId, [date+time], workerId, ${CONFLICT_INDEX}`,
  preConsultations: `id, date, ${CONFLICT_INDEX}`,
  substitutions: `id, caseId, substituteId, ${CONFLICT_INDEX}`,
  outbox: '++seq, &id, recordId, status, caseId',
  bases: 'id',
} as const;

export const CURRENT_SCHEMA_VERSION = 2;

export class FeldakteDb extends Dexie {
  cases!: Table<CaseRecord, string>;
  notes!: Table<NoteRecord, string>;
  appointments!: Table<AppointmentRecord, string>;
  preConsultations!: Table<PreConsultationRecord, string>;
  substitutions!: Table<SubstitutionRecord, string>;
  members!: Table<MemberRecord, string>;
  outbox!: Table<OutboxEntry, number>;
  meta!: Table<MetaEntry, string>;
  bases!: Table<ServerBase, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2).upgrade(addConflictFields);
  }
}

/** v1 records predate conflicts and amendments; the outbox is not touched. */
async function addConflictFields(tx: Transaction): Promise<void> {
  for (const table of ['cases', 'notes', 'appointments', 'preConsultations']) {
    await tx
      .table(table)
      .toCollection()
      .modify((record: { conflicts?: unknown[]; amendments?: unknown[] }) => {
        record.conflicts ??= [];
        if (table === 'notes') record.amendments ??= [];
      });
  }
}

/** Tables holding synced records, by entity name. */
export function tableOf<E extends SyncedEntity>(db: FeldakteDb, entity: E): Table<RecordOf[E], string> {
  const tables = {
    case: db.cases,
    note: db.notes,
    appointment: db.appointments,
    preConsultation: db.preConsultations,
    substitution: db.substitutions,
    member: db.members,
  } as const;
  return tables[entity as SyncedEntity] as unknown as Table<RecordOf[E], string>;
}

/** The tables of records a device may change. */
export function mutableTables(db: FeldakteDb) {
  return [db.cases, db.notes, db.appointments, db.preConsultations, db.substitutions];
}

/** Every table a local write may touch: records, their outbox entries and server bases. */
export function localWriteTables(db: FeldakteDb) {
  return [...mutableTables(db), db.outbox, db.bases];
}

/** Every table a sync step may touch. */
export function syncTables(db: FeldakteDb) {
  return [...localWriteTables(db), db.members, db.meta];
}

export function userDbName(userId: string): string {
  return `${USER_DB_PREFIX}${userId}`;
}
