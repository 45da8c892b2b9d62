// The conflict resolver inline on a record. Features hand their records to it
// through a render prop from the route, so they need not import each other, and
// its code loads only when a record on screen has an open conflict.
import { lazy, Suspense } from 'react';
import type { RecordConflictsProps } from '../../features/conflicts';

const RecordConflicts = lazy(() =>
  import('../../features/conflicts/RecordConflicts').then((m) => ({ default: m.RecordConflicts })),
);

export function LazyRecordConflicts(props: RecordConflictsProps) {
  if (props.item.record.conflicts.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <RecordConflicts {...props} />
    </Suspense>
  );
}
