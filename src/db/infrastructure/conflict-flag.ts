// Keeps the sparse `hasConflicts` index true to each record's `conflicts`. The
// flag exists only so "every record with an open conflict" is an index lookup
// instead of a scan of every table; it is set wherever a record's conflicts are
// written (a pulled or acknowledged record, a local resolution) and carried along
// unchanged by local edits, which never touch conflicts.
import type { Conflict } from '../../shared/records';
import { CONFLICT_INDEX } from './schema';

interface WithConflicts {
  conflicts: Conflict[];
}

export function withConflictFlag<R extends WithConflicts>(record: R): R {
  const { [CONFLICT_INDEX]: _previous, ...rest } = record as R & { [CONFLICT_INDEX]?: 1 };
  return (record.conflicts.length > 0 ? { ...rest, [CONFLICT_INDEX]: 1 } : rest) as R;
}
