import type { ConflictView } from '../../db/conflicts';
import { DeleteConflict } from './DeleteConflict';
import { FieldConflict } from './FieldConflict';
import type { HeadingLevel } from './Heading';

/** The open conflicts of one record, each with its way to resolve it. */
export function ConflictItems({ views, level }: { views: ConflictView[]; level: HeadingLevel }) {
  return (
    <div className="conflict-items">
      {views.map((view) =>
        view.isDeletion ? (
          <DeleteConflict key={view.conflictId} view={view} level={level} />
        ) : (
          <FieldConflict key={view.conflictId} view={view} level={level} />
        ),
      )}
    </div>
  );
}
