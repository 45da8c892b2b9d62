// A small in-memory server that speaks the sync protocol, for the sync tests:
// applies each mutation id at most once, bumps versions, and serves pull from a
// change log in cursor order and in batches. Knobs let a test drop a response,
// fail a pull mid-way, or hold a request open.
import {
  type Change,
  type Mutation,
  type MutationResult,
  mutationDataSchema,
  type PullResponse,
  type PushRequest,
  type Removal,
} from '../../../src/shared/protocol';
import { type MutableEntity, type RecordOf, recordSchemaOf } from '../../../src/shared/records';
import { describeZodError } from '../../../src/shared/validation';

type StoredRecord = RecordOf[MutableEntity];

interface LogEntry {
  seq: number;
  entity: MutableEntity;
  id: string;
  /** null once the record left this user's view. */
  record: StoredRecord | null;
}

export interface ServerUser {
  userId: string;
  teamId: string;
}

export class ProtocolServer {
  readonly records = new Map<string, { entity: MutableEntity; record: StoredRecord }>();
  /** Mutation id -> record id, written together with the change: the at-most-once guarantee. */
  readonly appliedMutations = new Map<string, string>();
  /** How often each mutation id was actually applied (must never exceed 1). */
  readonly applyCounts = new Map<string, number>();
  private readonly log = new Map<string, LogEntry>();
  private seq = 0;

  /** Largest batch a pull returns, whatever the device asks for. */
  pageSize = 500;
  /** Rejects a mutation as the real server would for a rule of its own (permission, conflict ...). */
  rejectIf: (
    mutation: Mutation,
  ) => Omit<Extract<MutationResult, { status: 'rejected' }>, 'id' | 'status'> | null = () => null;

  constructor(readonly user: ServerUser) {}

  push(request: PushRequest): MutationResult[] {
    return request.mutations.map((mutation) => this.applyOnce(mutation));
  }

  pull(cursor: string, limit: number): PullResponse {
    const after = Number(cursor);
    const newer = [...this.log.values()].filter((e) => e.seq > after).sort((a, b) => a.seq - b.seq);
    const batch = newer.slice(0, Math.min(limit, this.pageSize));
    const changes: Change[] = [];
    const removed: Removal[] = [];
    for (const entry of batch) {
      if (entry.record) changes.push({ entity: entry.entity, record: entry.record } as Change);
      else removed.push({ entity: entry.entity, id: entry.id });
    }
    const last = batch.at(-1);
    return {
      cursor: String(last ? last.seq : Math.max(after, 0)),
      hasMore: newer.length > batch.length,
      changes,
      removed,
    };
  }

  /** Someone else (another device, a lead) changes a record on the server. */
  editRemotely<E extends MutableEntity>(entity: E, id: string, data: Partial<RecordOf[E]>): RecordOf[E] {
    const current = this.records.get(id);
    if (!current) throw new Error(`no ${entity} ${id} on the server`);
    const next = { ...current.record, ...data, version: current.record.version + 1 } as RecordOf[E];
    this.store(entity, next);
    return next;
  }

  /** A record that exists on the server only (created elsewhere). */
  seed<E extends MutableEntity>(entity: E, record: RecordOf[E]): void {
    this.store(entity, recordSchemaOf[entity].parse(record) as RecordOf[E]);
  }

  remove(entity: MutableEntity, id: string): void {
    this.records.delete(id);
    this.seq += 1;
    this.log.set(id, { seq: this.seq, entity, id, record: null });
  }

  recordsOf(entity: MutableEntity): StoredRecord[] {
    return [...this.records.values()].filter((r) => r.entity === entity).map((r) => r.record);
  }

  private applyOnce(mutation: Mutation): MutationResult {
    const earlier = this.appliedMutations.get(mutation.id);
    if (earlier !== undefined) {
      return { id: mutation.id, status: 'duplicate', record: this.records.get(earlier)?.record ?? null };
    }
    const data = mutationDataSchema(mutation.entity, mutation.op).safeParse(mutation.data);
    if (!data.success) {
      const problem = describeZodError(data.error, ['data']);
      return { id: mutation.id, status: 'rejected', code: 'invalid', httpStatus: 400, ...problem };
    }
    const refusal = this.rejectIf(mutation);
    if (refusal) return { id: mutation.id, status: 'rejected', ...refusal };

    const existing = this.records.get(mutation.recordId);
    if (mutation.op === 'update' && !existing) {
      return {
        id: mutation.id,
        status: 'rejected',
        code: 'not_found',
        httpStatus: 404,
        message: 'unbekannter Datensatz',
        field: 'recordId',
      };
    }
    const now = new Date().toISOString();
    const record = existing
      ? { ...existing.record, ...data.data, version: existing.record.version + 1, updatedAt: now }
      : this.newRecord(mutation, data.data, now);
    const stored = recordSchemaOf[mutation.entity].parse({ ...record, updatedBy: this.user.userId });
    this.store(mutation.entity, stored as StoredRecord);
    this.appliedMutations.set(mutation.id, mutation.recordId);
    this.applyCounts.set(mutation.id, (this.applyCounts.get(mutation.id) ?? 0) + 1);
    return { id: mutation.id, status: 'applied', record: stored as StoredRecord };
  }

  private newRecord(mutation: Mutation, data: object, now: string) {
    const { userId, teamId } = this.user;
    const owner = {
      case: {},
      note: { authorId: userId, reviewedBy: null },
      appointment: { workerId: userId },
      preConsultation: { workerId: userId },
    }[mutation.entity];
    return { ...data, ...owner, id: mutation.recordId, teamId, version: 1, createdAt: now, updatedAt: now };
  }

  private store(entity: MutableEntity, record: StoredRecord): void {
    this.records.set(record.id, { entity, record });
    this.seq += 1;
    this.log.set(record.id, { seq: this.seq, entity, id: record.id, record });
  }
}
