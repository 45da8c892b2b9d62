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
// v3: goals, comments, partners (synced); drafts (local only: never synced,
//     the author's unsaved note forms); notes indexed by `appointmentId` (which
//     visits have a note). v2 records get the defaults of the fields added to
//     the records since (the same defaults the protocol applies); the outbox is
//     left as it is: the server applies those defaults to queued v2 entries.
// v4: no new stores; cases (and the server copies under them) get the defaults
//     of the fields added for the life of a case (district, Hilfeart, household,
//     closure ...), which a v3 device's cases lack. The outbox stays as it is.

import { Dexie, type Table, type Transaction } from 'dexie';
import { z } from 'zod';
import type { MessageParams, SaidMessage } from '../../shared/messages';
import type { MutationOp, RejectionCode } from '../../shared/protocol';
import {
  type AppointmentRecord,
  CaseFields,
  type CaseRecord,
  type CommentRecord,
  type GoalRecord,
  type MemberRecord,
  type MutableEntity,
  NoteFields,
  type NoteRecord,
  type PartnerRecord,
  PreConsultationFields,
  type PreConsultationRecord,
  type RecordOf,
  type SubstitutionRecord,
  type SyncedEntity,
} from '../../shared/records';
import { encryptionMiddleware, sealPlaintextRows } from './encryption/middleware';
import { ensureOpenConcernEntries, openConcernsMiddleware } from './open-concerns';

/**
 * A change the server refused, as it said so (SaidMessage: the German text, the
 * field, and the key the UI says, missing on rejections from older servers).
 */
export interface Rejection extends SaidMessage {
  code: RejectionCode;
  httpStatus: number;
  at: string;
  params?: MessageParams | undefined;
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

/**
 * An unsaved form, kept on every keystroke so it survives a closed app or a dead
 * battery. Local to the author's device; deleted when the record is saved.
 */
export interface Draft {
  /** What the form is for, e.g. "note:new:<caseId>", "note:visit:<appointmentId>", "note:edit:<noteId>". */
  key: string;
  /** The case the draft belongs to (drafts of a case leaving the device go with it). */
  caseId: string | null;
  /** The form's values as the user typed them (not yet validated). */
  values: Record<string, unknown>;
  updatedAt: string;
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

/** Only what changes in version 3. */
const STORES_V3 = {
  notes: `id, caseId, [caseId+date], authorId, date, appointmentId, ${CONFLICT_INDEX}`,
  goals: `id, caseId, ${CONFLICT_INDEX}`,
  comments: `id, caseId, noteId, authorId, ${CONFLICT_INDEX}`,
  partners: `id, ${CONFLICT_INDEX}`,
  drafts: 'key, caseId',
} as const;

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
  goals!: Table<GoalRecord, string>;
  comments!: Table<CommentRecord, string>;
  partners!: Table<PartnerRecord, string>;
  drafts!: Table<Draft, string>;

  /**
   * With `dataKey`, every record's non-indexed properties are stored encrypted
   * (see encryption.ts); the app always opens a user's database with their key.
   * `sealPlaintext` (default true) first seals rows stored in the clear by an app
   * from before encryption; once that was done for a database it can be skipped,
   * sparing a read of every row on every start.
   *
   * Dexie's live-query cache is off: its optimistic updates never apply to writes
   * in an explicit transaction, which is how the app writes (record, outbox entry,
   * draft at once), while on each such commit it re-ran every affected live query
   * and the commit event then ran each one again. It would also hold sealed rows,
   * as it sits below the encryption middleware.
   */
  constructor(name: string, options: { dataKey: CryptoKey | null; sealPlaintext?: boolean }) {
    super(name, { cache: 'disabled' });
    if (options.dataKey) this.use(encryptionMiddleware(options.dataKey));
    this.use(openConcernsMiddleware());
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2).upgrade(addConflictFields);
    this.version(3).stores(STORES_V3).upgrade(addV3Defaults);
    this.version(4).stores({}).upgrade(addCaseLifeDefaults);
    const sealFirst = options.dataKey !== null && options.sealPlaintext !== false;
    this.on('ready', async (db) => {
      // Rows written in the clear (before the database was encrypted) are sealed before anything else reads it.
      if (sealFirst) await sealPlaintextRows(db);
      await ensureOpenConcernEntries(db as FeldakteDb);
    });
  }
}

/** The defaults of a schema's fields, taken from the schema itself so they cannot drift. */
function defaultsOf(schema: typeof NoteFields | typeof CaseFields | typeof PreConsultationFields) {
  return Object.fromEntries(
    Object.entries(schema.shape).flatMap(([field, fieldSchema]) =>
      fieldSchema instanceof z.ZodDefault ? [[field, fieldSchema.parse(undefined)]] : [],
    ),
  );
}

type AddedDefaults = Record<string, { table: string; defaults: Record<string, unknown> }>;

/**
 * Gives the stored records of each entity, and the server copies kept under
 * records with waiting changes (a rejected change puts the record back to its
 * base, which must not lose the new fields), the defaults of fields they lack.
 */
async function fillInDefaults(tx: Transaction, added: AddedDefaults): Promise<void> {
  const fillIn = (record: Record<string, unknown>, defaults: Record<string, unknown>) => {
    for (const [field, value] of Object.entries(defaults)) {
      if (record[field] === undefined) record[field] = structuredClone(value);
    }
  };
  for (const { table, defaults } of Object.values(added)) {
    await tx
      .table(table)
      .toCollection()
      .modify((record: Record<string, unknown>) => fillIn(record, defaults));
  }
  await tx
    .table('bases')
    .toCollection()
    .modify((base: { entity: string; record: Record<string, unknown> }) => {
      const defaults = added[base.entity]?.defaults;
      if (defaults) fillIn(base.record, defaults);
    });
}

/** The fields added in v3 (and every default of the records at the time of an upgrade). */
async function addV3Defaults(tx: Transaction): Promise<void> {
  await fillInDefaults(tx, {
    note: { table: 'notes', defaults: { ...defaultsOf(NoteFields), concernAcknowledgedBy: null } },
    case: { table: 'cases', defaults: defaultsOf(CaseFields) },
    preConsultation: { table: 'preConsultations', defaults: defaultsOf(PreConsultationFields) },
  });
}

/** The case fields added after v3 (district, Hilfeart, household, closure ...). */
async function addCaseLifeDefaults(tx: Transaction): Promise<void> {
  await fillInDefaults(tx, { case: { table: 'cases', defaults: defaultsOf(CaseFields) } });
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
    goal: db.goals,
    comment: db.comments,
    partner: db.partners,
    member: db.members,
  } as const;
  return tables[entity as SyncedEntity] as unknown as Table<RecordOf[E], string>;
}

/** The tables of records a device may change. */
export function mutableTables(db: FeldakteDb) {
  return [
    db.cases,
    db.notes,
    db.appointments,
    db.preConsultations,
    db.substitutions,
    db.goals,
    db.comments,
    db.partners,
  ];
}

/** Every table a local write may touch: records, their outbox entries and server bases. */
export function localWriteTables(db: FeldakteDb) {
  return [...mutableTables(db), db.outbox, db.bases];
}

/** Every table a sync step may touch (drafts: a case leaving the device takes its drafts with it). */
export function syncTables(db: FeldakteDb) {
  return [...localWriteTables(db), db.members, db.meta, db.drafts];
}

export function userDbName(userId: string): string {
  return `${USER_DB_PREFIX}${userId}`;
}
