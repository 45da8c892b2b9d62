import { Navigate, useParams } from 'react-router';
import { NoteComments } from '../../features/comments';
import { AmendmentHistory } from '../../features/notes/AmendmentHistory';
import { ReviewPage } from '../../features/review';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { LazyRecordConflicts } from './LazyRecordConflicts';

/** Review is for leads; anyone else lands on the start page. */
export function ReviewRoute() {
  const { user } = useSession();
  const noteId = useParams().noteId ?? null;
  if (user.role !== 'lead') return <Navigate to={paths.today} replace />;
  return (
    <ReviewPage
      noteId={noteId}
      renderNoteExtras={(note) => (
        <>
          <AmendmentHistory amendments={note.amendments} />
          <LazyRecordConflicts item={{ entity: 'note', record: note }} level={3} />
          <NoteComments note={note} />
        </>
      )}
    />
  );
}
