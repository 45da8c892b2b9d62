import { Navigate, useParams } from 'react-router';
import { ReviewPage } from '../../features/review';
import { useSession } from '../../ui/session';

/** Review is for leads; anyone else lands on the start page. */
export function ReviewRoute() {
  const { user } = useSession();
  const noteId = useParams().noteId ?? null;
  if (user.role !== 'lead') return <Navigate to="/" replace />;
  return <ReviewPage noteId={noteId} />;
}
