// The in-memory server's data: live records with their field history, tombstones
// of deleted ones, the cases out of this user's scope, and the change log pull
// reads. The log holds one entry per record id; a newer change moves it to the end.
import type { Change, PullResponse, Removal } from '../../../src/shared/protocol';
import { DELETE_CONFLICT_FIELD, type MutableEntity, type RecordOf } from '../../../src/shared/records';
import type { Author, FieldChange, MergeTarget } from './server-merge';

export type StoredRecord = RecordOf[MutableEntity];

export interface Row {
  entity: MutableEntity;
  record: StoredRecord;
  history: FieldChange[];
}

export const byAuthor = (author: Author) => ({ by: author.userId, deviceId: author.deviceId });

function caseIdOf(row: Row): string | undefined {
  return row.entity === 'case' ? row.record.id : (row.record as { caseId?: string }).caseId;
}

export class ServerStore {
  readonly records = new Map<string, Row>();
  readonly tombstones = new Map<string, Row>();
  readonly revokedCases = new Set<string>();
  /** How often pull delivered each record id as a change. */
  readonly deliveries = new Map<string, number>();
  private readonly log = new Map<string, { seq: number; entity: MutableEntity; removed: boolean }>();
  private seq = 0;

  add(row: Row): void {
    this.records.set(row.record.id, row);
    this.logChange(row.record.id);
  }

  /** Runs one change of a record: next version, who and when, and a place in the change log. */
  bump(row: Row, author: Author, change: (version: number, at: string) => void): void {
    const version = row.record.version + 1;
    const at = new Date().toISOString();
    change(version, at);
    row.record = { ...row.record, version, updatedAt: at, updatedBy: author.userId };
    this.logChange(row.record.id);
  }

  tombstone(row: Row, author: Author): void {
    this.bump(row, author, (version, at) =>
      row.history.push({ version, field: DELETE_CONFLICT_FIELD, value: true, at, ...byAuthor(author) }),
    );
    this.records.delete(row.record.id);
    this.tombstones.set(row.record.id, row);
    this.logRemoval(row.entity, row.record.id);
  }

  revive(row: Row): void {
    this.tombstones.delete(row.record.id);
    this.records.set(row.record.id, row);
  }

  logRemoval(entity: MutableEntity, id: string): void {
    this.log.set(id, { seq: ++this.seq, entity, removed: true });
  }

  /** The case leaves this user's scope: one removal for the case; its children go with it on the device. */
  revokeCase(caseId: string): void {
    this.revokedCases.add(caseId);
    for (const row of this.childrenOf(caseId)) this.log.delete(row.record.id);
    this.logRemoval('case', caseId);
  }

  /** The case comes (back) into this user's scope: it arrives with all its children. */
  grantCase(caseId: string): void {
    this.revokedCases.delete(caseId);
    this.logChange(caseId);
    for (const row of this.childrenOf(caseId)) this.logChange(row.record.id);
  }

  pull(cursor: string, limit: number): PullResponse {
    const after = Number(cursor);
    const newer = [...this.log.entries()]
      .filter(([, e]) => e.seq > after)
      .sort(([, a], [, b]) => a.seq - b.seq);
    const batch = newer.slice(0, limit);
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

  /** The record and history in the shape the merge rules work on. */
  target(row: Row): MergeTarget {
    return { record: row.record as unknown as MergeTarget['record'], history: row.history };
  }

  private childrenOf(caseId: string): Row[] {
    return [...this.records.values()].filter((row) => row.entity !== 'case' && caseIdOf(row) === caseId);
  }

  private logChange(id: string): void {
    const row = this.records.get(id);
    if (!row) return;
    const caseId = caseIdOf(row);
    // Out of scope: the user hears nothing of it until the case comes back.
    if (caseId && this.revokedCases.has(caseId)) return;
    this.log.set(id, { seq: ++this.seq, entity: row.entity, removed: false });
  }
}
