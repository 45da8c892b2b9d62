// A small in-memory server that speaks the sync protocol, for the sync tests. It
// follows the real server's rules closely enough to test the device against:
// each mutation id applied at most once; per-field three-way merge with conflicts
// that keep every candidate (server-merge.ts); delete, with delete-vs-edit as a
// conflict; resolve; pushes for cases out of this user's scope refused (403);
// pull from a change log in cursor order and in batches, where a case leaving the
// user's scope is one removal (the device drops its children with it) and a case
// coming into scope arrives with all its children.
import {
  type Change,
  fieldSchema,
  type Mutation,
  type MutationResult,
  mutationDataSchema,
  type PullResponse,
  type PushRequest,
  type Removal,
  ResolveData,
} from '../../../src/shared/protocol';
import {
  DELETE_CONFLICT_FIELD,
  type MutableEntity,
  type RecordOf,
  recordSchemaOf,
} from '../../../src/shared/records';
import { describeZodError } from '../../../src/shared/validation';
import {
  type Author,
  type FieldChange,
  mergeUpdate,
  openDeleteConflict,
  setField,
  unseenChanges,
} from './server-merge';

type StoredRecord = RecordOf[MutableEntity];
type Rejected = Omit<Extract<MutationResult, { status: 'rejected' }>, 'id' | 'status'>;
type Outcome = { record: StoredRecord | null } | { rejected: Rejected };

interface Row {
  entity: MutableEntity;
  record: StoredRecord;
  history: FieldChange[];
}

export interface ServerUser {
  userId: string;
  teamId: string;
}

/** The device of "someone else": a colleague's phone, the lead's tablet. */
export const REMOTE_DEVICE = 'remote-device';

const byAuthor = (author: Author) => ({ by: author.userId, deviceId: author.deviceId });

const refuse = (
  code: Rejected['code'],
  httpStatus: number,
  message: string,
  field: string | null = null,
) => ({
  rejected: { code, httpStatus, message, field },
});

export class ProtocolServer {
  /** Live records by id (deleted ones move to `tombstones`). */
  readonly records = new Map<string, Row>();
  readonly tombstones = new Map<string, Row>();
  /** Mutation id -> record id, written together with the change: the at-most-once guarantee. */
  readonly appliedMutations = new Map<string, string>();
  /** How often each mutation id was actually applied (must never exceed 1). */
  readonly applyCounts = new Map<string, number>();
  /** How often pull delivered each record id as a change. */
  readonly deliveries = new Map<string, number>();
  /** Cases this user may no longer see or change (reassigned away, substitution ended). */
  readonly revokedCases = new Set<string>();
  /** Record id -> position in the change log; a record's newer change moves it to the end. */
  private readonly log = new Map<string, { seq: number; entity: MutableEntity; removed: boolean }>();
  private seq = 0;

  /** Largest batch a pull returns, whatever the device asks for. */
  pageSize = 500;
  /** Rejects a mutation as the real server would for a rule of its own. */
  rejectIf: (mutation: Mutation) => Rejected | null = () => null;

  constructor(readonly user: ServerUser) {}

  push(request: PushRequest, deviceId: string | null = null): MutationResult[] {
    const author = { userId: this.user.userId, deviceId };
    return request.mutations.map((mutation) => this.applyOnce(mutation, author));
  }

  pull(cursor: string, limit: number): PullResponse {
    const after = Number(cursor);
    const newer = [...this.log.entries()]
      .filter(([, e]) => e.seq > after)
      .sort(([, a], [, b]) => a.seq - b.seq);
    const batch = newer.slice(0, Math.min(limit, this.pageSize));
    const changes: Change[] = [];
    const removed: Removal[] = [];
    for (const [id, entry] of batch) {
      const row = this.records.get(id);
      if (entry.removed || !row) removed.push({ entity: entry.entity, id });
      else {
        changes.push({ entity: row.entity, record: row.record } as Change);
        this.deliveries.set(id, (this.deliveries.get(id) ?? 0) + 1);
      }
    }
    const last = batch.at(-1);
    return {
      cursor: String(last ? last[1].seq : Math.max(after, 0)),
      hasMore: newer.length > batch.length,
      changes,
      removed,
    };
  }

  /** A record that exists on the server only (created elsewhere). */
  seed<E extends MutableEntity>(entity: E, record: RecordOf[E]): void {
    const parsed = recordSchemaOf[entity].parse(record) as StoredRecord;
    const history = Object.entries(parsed).map(([field, value]) => ({
      version: parsed.version,
      field,
      value,
      by: parsed.updatedBy,
      at: parsed.updatedAt,
      deviceId: REMOTE_DEVICE,
    }));
    this.records.set(parsed.id, { entity, record: parsed, history });
    this.logChange(parsed.id);
  }

  /** Someone else (another device, a lead) changes a record, having seen its latest version. */
  editRemotely<E extends MutableEntity>(entity: E, id: string, data: Partial<RecordOf[E]>): RecordOf[E] {
    const row = this.records.get(id);
    if (!row || row.entity !== entity) throw new Error(`no ${entity} ${id} on the server`);
    const author: Author = { userId: this.user.userId, deviceId: REMOTE_DEVICE };
    this.bump(row, author, (version, at) =>
      mergeUpdate(this.target(row), data, row.record.version, author, version, at),
    );
    return row.record as RecordOf[E];
  }

  /** The record is deleted on the server (as by someone else). */
  remove(entity: MutableEntity, id: string): void {
    const row = this.records.get(id);
    if (row) this.tombstone(row, { userId: this.user.userId, deviceId: REMOTE_DEVICE });
    else this.log.set(id, { seq: ++this.seq, entity, removed: true });
  }

  /** The case leaves this user's scope: one removal for the case; its children go with it on the device. */
  revokeCase(caseId: string): void {
    this.revokedCases.add(caseId);
    for (const row of this.childrenOf(caseId)) this.log.delete(row.record.id);
    this.log.set(caseId, { seq: ++this.seq, entity: 'case', removed: true });
  }

  /** The case comes (back) into this user's scope: it arrives with all its children. */
  grantCase(caseId: string): void {
    this.revokedCases.delete(caseId);
    this.logChange(caseId);
    for (const row of this.childrenOf(caseId)) this.logChange(row.record.id);
  }

  recordsOf(entity: MutableEntity): StoredRecord[] {
    return [...this.records.values()].filter((r) => r.entity === entity).map((r) => r.record);
  }

  private applyOnce(mutation: Mutation, author: Author): MutationResult {
    const earlier = this.appliedMutations.get(mutation.id);
    if (earlier !== undefined) {
      return { id: mutation.id, status: 'duplicate', record: this.records.get(earlier)?.record ?? null };
    }
    const data = mutationDataSchema(mutation.entity, mutation.op).safeParse(mutation.data);
    if (!data.success) {
      const problem = describeZodError(data.error, ['data']);
      return { id: mutation.id, status: 'rejected', code: 'invalid', httpStatus: 400, ...problem };
    }
    const outcome = this.rejectIf(mutation) ?? this.outOfScope(mutation);
    const result = outcome ? { rejected: outcome } : this.apply(mutation, data.data, author);
    if ('rejected' in result) return { id: mutation.id, status: 'rejected', ...result.rejected };
    this.appliedMutations.set(mutation.id, mutation.recordId);
    this.applyCounts.set(mutation.id, (this.applyCounts.get(mutation.id) ?? 0) + 1);
    return { id: mutation.id, status: 'applied', record: result.record };
  }

  private outOfScope(mutation: Mutation): Rejected | null {
    const row = this.records.get(mutation.recordId) ?? this.tombstones.get(mutation.recordId);
    const caseId =
      mutation.entity === 'case'
        ? mutation.recordId
        : ((row?.record as { caseId?: string } | undefined)?.caseId ?? mutation.data.caseId);
    if (typeof caseId !== 'string' || !this.revokedCases.has(caseId)) return null;
    return refuse('forbidden', 403, 'Dieser Fall ist Ihnen nicht (mehr) zugeordnet').rejected;
  }

  private apply(mutation: Mutation, data: Record<string, unknown>, author: Author): Outcome {
    const base = mutation.baseVersion ?? 0;
    const row = this.records.get(mutation.recordId);
    switch (mutation.op) {
      case 'create':
        if (row || this.tombstones.has(mutation.recordId))
          return refuse('conflict', 409, 'Datensatz gibt es schon');
        return { record: this.create(mutation, data, author) };
      case 'update': {
        const target = row ?? this.reviveIfDeleteUnseen(mutation.recordId, base, author);
        if (!target) return refuse('not_found', 404, 'unbekannter Datensatz', 'recordId');
        this.bump(target, author, (version, at) =>
          mergeUpdate(this.target(target), data, base, author, version, at),
        );
        return { record: target.record };
      }
      case 'delete': {
        if (!row) return refuse('not_found', 404, 'unbekannter Datensatz', 'recordId');
        const unseen = unseenChanges(row.history, base, author).at(-1);
        if (!unseen) {
          this.tombstone(row, author);
          return { record: null };
        }
        this.bump(row, author, (_version, at) => openDeleteConflict(this.target(row), unseen, author, at));
        return { record: row.record };
      }
      case 'resolve':
        if (!row) return refuse('not_found', 404, 'unbekannter Datensatz', 'recordId');
        return this.resolve(row, ResolveData.parse(data), author);
    }
  }

  private resolve(row: Row, { conflictId, value }: ResolveData, author: Author): Outcome {
    const conflict = row.record.conflicts.find((c) => c.id === conflictId);
    if (!conflict) return refuse('conflict', 409, 'Der Konflikt ist schon gelöst', 'data.conflictId');
    const isDeletion = conflict.field === DELETE_CONFLICT_FIELD;
    const schema = isDeletion ? undefined : fieldSchema(row.entity, conflict.field);
    if (isDeletion ? typeof value !== 'boolean' : !schema?.safeParse(value).success) {
      return refuse('invalid', 400, 'data.value: passt nicht zum Feld', 'data.value');
    }
    this.bump(row, author, (version, at) => {
      row.record.conflicts = row.record.conflicts.filter((c) => c.id !== conflictId);
      if (!isDeletion)
        setField(this.target(row), conflict.field, value, { version, at, ...byAuthor(author) });
    });
    if (isDeletion && value === true) {
      this.tombstone(row, author);
      return { record: null };
    }
    return { record: row.record };
  }

  /** An edit that has not seen a delete from another device brings the record back, as a conflict. */
  private reviveIfDeleteUnseen(id: string, base: number, author: Author): Row | null {
    const row = this.tombstones.get(id);
    const deletion = row && unseenChanges(row.history, base, author, DELETE_CONFLICT_FIELD).at(-1);
    if (!row || !deletion) return null;
    const at = new Date().toISOString();
    const editor = { value: false, by: author.userId, at, deviceId: author.deviceId };
    const deleter = { value: true, by: deletion.by, at: deletion.at, deviceId: deletion.deviceId };
    row.record.conflicts.push({
      id: crypto.randomUUID(),
      field: DELETE_CONFLICT_FIELD,
      candidates: [deleter, editor],
      createdAt: at,
    });
    this.tombstones.delete(id);
    this.records.set(id, row);
    return row;
  }

  private create(mutation: Mutation, data: Record<string, unknown>, author: Author): StoredRecord {
    const { userId, teamId } = this.user;
    const owner = {
      case: {},
      note: { authorId: userId, reviewedBy: null, amendments: [] },
      appointment: { workerId: userId },
      preConsultation: { workerId: userId },
      substitution: {},
    }[mutation.entity];
    const at = new Date().toISOString();
    const record = recordSchemaOf[mutation.entity].parse({
      ...data,
      ...owner,
      id: mutation.recordId,
      teamId,
      version: 1,
      createdAt: at,
      updatedAt: at,
      updatedBy: userId,
      conflicts: [],
    }) as StoredRecord;
    const history = Object.entries(data).map(([field, value]) => ({
      version: 1,
      field,
      value,
      at,
      ...byAuthor(author),
    }));
    this.records.set(record.id, { entity: mutation.entity, record, history });
    this.logChange(record.id);
    return record;
  }

  /** Runs one change of a record: next version, who and when, and a place in the change log. */
  private bump(row: Row, author: Author, change: (version: number, at: string) => void): void {
    const version = row.record.version + 1;
    const at = new Date().toISOString();
    change(version, at);
    row.record = { ...row.record, version, updatedAt: at, updatedBy: author.userId };
    this.logChange(row.record.id);
  }

  private tombstone(row: Row, author: Author): void {
    this.bump(row, author, (version, at) =>
      row.history.push({ version, field: DELETE_CONFLICT_FIELD, value: true, at, ...byAuthor(author) }),
    );
    this.records.delete(row.record.id);
    this.tombstones.set(row.record.id, row);
    this.log.set(row.record.id, { seq: ++this.seq, entity: row.entity, removed: true });
  }

  private target(row: Row) {
    return {
      record: row.record as unknown as Record<string, unknown> & { conflicts: StoredRecord['conflicts'] },
      history: row.history,
    };
  }

  private childrenOf(caseId: string): Row[] {
    return [...this.records.values()].filter((row) => (row.record as { caseId?: string }).caseId === caseId);
  }

  private logChange(id: string): void {
    const row = this.records.get(id);
    if (!row) return;
    const caseId = row.entity === 'case' ? id : (row.record as { caseId?: string }).caseId;
    // Out of scope: the user hears nothing of it until the case comes back.
    if (caseId && this.revokedCases.has(caseId)) return;
    this.log.set(id, { seq: ++this.seq, entity: row.entity, removed: false });
  }
}
