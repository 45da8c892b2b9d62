// The local database of one user on one device, with every schema version.
// Versions are only ever added: a Dexie upgrade must never drop a pending outbox
// entry, so a new version may add tables and indexes but not remove `outbox`.
import { Dexie, type Table } from 'dexie';
import type { MutationOp, RejectionCode } from '../shared/protocol';
import type {
  AppointmentRecord,
  CaseRecord,
  MemberRecord,
  MutableEntity,
  NoteRecord,
  PreConsultationRecord,
  RecordOf,
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
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export const USER_DB_PREFIX = 'feldakte-user-';

export class FeldakteDb extends Dexie {
  cases!: Table<CaseRecord, string>;
  notes!: Table<NoteRecord, string>;
  appointments!: Table<AppointmentRecord, string>;
  preConsultations!: Table<PreConsultationRecord, string>;
  members!: Table<MemberRecord, string>;
  outbox!: Table<OutboxEntry, number>;
  meta!: Table<MetaEntry, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      cases: 'id, status, assignedTo',
      notes: 'id, caseId, [caseId+date], authorId, date',
      appointments: 'id, caseId, [date+time], workerId',
      preConsultations: 'id, date',
      members: 'id',
      outbox: '++seq, &id, recordId, status',
      meta: 'key',
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
    member: db.members,
  } as const;
  return tables[entity] as unknown as Table<RecordOf[E], string>;
}

export function userDbName(userId: string): string {
  return `${USER_DB_PREFIX}${userId}`;
}
