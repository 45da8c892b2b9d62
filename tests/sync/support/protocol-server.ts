// A small in-memory server that speaks the sync protocol, for the sync tests. It
// follows the real server's rules closely enough to test the device against:
// each mutation id applied at most once; per-field three-way merge with conflicts
// that keep every candidate (server-merge.ts); delete, with delete-vs-edit as a
// conflict; resolve (server-mutations.ts); pushes for cases out of this user's
// scope refused (403); pull from a change log in cursor order and in batches,
// where a case leaving the user's scope is one removal (the device drops its
// children with it) and a case coming into scope arrives with all its children
// (server-store.ts).
import {
  type Mutation,
  type MutationResult,
  mutationDataSchema,
  type PullResponse,
  type PushRequest,
} from '../../../src/shared/protocol';
import { type MutableEntity, type RecordOf, recordSchemaOf } from '../../../src/shared/records';
import { describeZodError } from '../../../src/shared/validation';
import { type Author, mergeUpdate } from './server-merge';
import { applyMutation, type Rejected, refuse } from './server-mutations';
import { ServerStore, type StoredRecord } from './server-store';

export interface ServerUser {
  userId: string;
  teamId: string;
}

/** The device of "someone else": a colleague's phone, the lead's tablet. */
export const REMOTE_DEVICE = 'remote-device';

export class ProtocolServer {
  private readonly store = new ServerStore();
  /** Live records by id (deleted ones move to `tombstones`). */
  readonly records = this.store.records;
  readonly tombstones = this.store.tombstones;
  /** How often pull delivered each record id as a change. */
  readonly deliveries = this.store.deliveries;
  /** Mutation id -> record id, written together with the change: the at-most-once guarantee. */
  readonly appliedMutations = new Map<string, string>();
  /** How often each mutation id was actually applied (must never exceed 1). */
  readonly applyCounts = new Map<string, number>();

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
    return this.store.pull(cursor, Math.min(limit, this.pageSize));
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
    this.store.add({ entity, record: parsed, history });
  }

  /** Someone else (another device, a lead) changes a record, having seen its latest version. */
  editRemotely<E extends MutableEntity>(entity: E, id: string, data: Partial<RecordOf[E]>): RecordOf[E] {
    const row = this.records.get(id);
    if (!row || row.entity !== entity) throw new Error(`no ${entity} ${id} on the server`);
    const base = row.record.version;
    this.store.bump(row, this.remote(), (version, at) =>
      mergeUpdate(this.store.target(row), data, base, this.remote(), version, at),
    );
    return row.record as RecordOf[E];
  }

  /** The record is deleted on the server (as by someone else). */
  remove(entity: MutableEntity, id: string): void {
    const row = this.records.get(id);
    if (row) this.store.tombstone(row, this.remote());
    else this.store.logRemoval(entity, id);
  }

  /** Gone without a trace (retention period over): later changes of it find nothing. */
  purge(id: string): void {
    this.records.delete(id);
    this.tombstones.delete(id);
  }

  /** The case leaves this user's scope (reassigned, substitution ended); pushes for it get 403. */
  revokeCase(caseId: string): void {
    this.store.revokeCase(caseId);
  }

  /** The case comes (back) into this user's scope: it arrives with all its children. */
  grantCase(caseId: string): void {
    this.store.grantCase(caseId);
  }

  recordsOf(entity: MutableEntity): StoredRecord[] {
    return [...this.records.values()].filter((r) => r.entity === entity).map((r) => r.record);
  }

  private remote(): Author {
    return { userId: this.user.userId, deviceId: REMOTE_DEVICE };
  }

  private applyOnce(mutation: Mutation, author: Author): MutationResult {
    const earlier = this.appliedMutations.get(mutation.id);
    if (earlier !== undefined) {
      return { id: mutation.id, status: 'duplicate', record: this.records.get(earlier)?.record ?? null };
    }
    const data = mutationDataSchema(mutation.entity, mutation.op).safeParse(mutation.data);
    if (!data.success) {
      const { field, message, key, params } = describeZodError(data.error, ['data']);
      const said = { field, message, messageKey: key, params };
      return { id: mutation.id, status: 'rejected', code: 'invalid', httpStatus: 400, ...said };
    }
    const refusal = this.rejectIf(mutation) ?? this.outOfScope(mutation);
    const outcome = refusal
      ? { rejected: refusal }
      : applyMutation(this.store, this.user.teamId, mutation, data.data, author);
    if ('rejected' in outcome) return { id: mutation.id, status: 'rejected', ...outcome.rejected };
    this.appliedMutations.set(mutation.id, mutation.recordId);
    this.applyCounts.set(mutation.id, (this.applyCounts.get(mutation.id) ?? 0) + 1);
    return { id: mutation.id, status: 'applied', record: outcome.record };
  }

  private outOfScope(mutation: Mutation): Rejected | null {
    const row = this.records.get(mutation.recordId) ?? this.tombstones.get(mutation.recordId);
    const caseId =
      mutation.entity === 'case'
        ? mutation.recordId
        : ((row?.record as { caseId?: string } | undefined)?.caseId ?? mutation.data.caseId);
    if (typeof caseId !== 'string' || !this.store.revokedCases.has(caseId)) return null;
    return refuse('forbidden', 403, 'Dieser Fall ist Ihnen nicht (mehr) zugeordnet').rejected;
  }
}
