import type { ConflictView } from '../../db/repositories/conflicts';
import { useFieldFormatter } from '../../ui/format/field-values';
import { useRecordNames } from '../../ui/format/use-record-names';
import { DeleteConflict } from './DeleteConflict';
import { FieldConflict } from './FieldConflict';
import type { HeadingLevel } from './Heading';

/** The open conflicts of one record, each with its way to resolve it. */
export function ConflictItems({ views, level }: { views: ConflictView[]; level: HeadingLevel }) {
  // One name lookup for all of them, not one per conflict.
  const fields = useFieldFormatter(useRecordNames());
  return (
    <div className="conflict-items">
      {views.map((view) =>
        view.isDeletion ? (
          <DeleteConflict key={view.conflictId} view={view} level={level} />
        ) : (
          <FieldConflict key={view.conflictId} view={view} level={level} fields={fields} />
        ),
      )}
    </div>
  );
}
