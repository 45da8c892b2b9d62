import { useLiveQuery } from 'dexie-react-hooks';
import { resolveConflict } from '../../db/repositories/conflict-resolution';
import {
  type ConflictedRecord,
  type ConflictView,
  describeConflict,
  listConflictedRecords,
} from '../../db/repositories/conflicts';
import { listMembers } from '../../db/repositories/members';
import type { MemberRecord } from '../../shared/records';
import { useSession } from '../../ui/session';

export interface RecordWithConflicts {
  item: ConflictedRecord;
  conflicts: ConflictView[];
}

function describeAll(item: ConflictedRecord, members: readonly MemberRecord[]): ConflictView[] {
  return item.record.conflicts.map((conflict) =>
    describeConflict(item.entity, item.record, conflict, members),
  );
}

/** Every record on this device with open conflicts, oldest conflict first, live. */
export function useRecordsWithConflicts(): RecordWithConflicts[] | undefined {
  const { db } = useSession();
  return useLiveQuery(async () => {
    const [records, members] = await Promise.all([listConflictedRecords(db), listMembers(db)]);
    const described = records.map((item) => ({ item, conflicts: describeAll(item, members) }));
    const oldest = (entry: RecordWithConflicts) => entry.conflicts[0]?.createdAt ?? '';
    return described.sort((a, b) => oldest(a).localeCompare(oldest(b)));
  }, [db]);
}

/** The open conflicts of one record, with member names; [] while loading. */
export function useConflictViews(item: ConflictedRecord): ConflictView[] {
  const { db } = useSession();
  const members = useLiveQuery(() => listMembers(db), [db]);
  return describeAll(item, members ?? []);
}

/** Settles a conflict with a chosen or merged value; the resolution syncs like any edit. */
export function useResolveConflict(): (view: ConflictView, value: unknown) => Promise<unknown> {
  const { db, actor } = useSession();
  return (view, value) => resolveConflict(db, actor, view.entity, view.recordId, view.conflictId, value);
}
