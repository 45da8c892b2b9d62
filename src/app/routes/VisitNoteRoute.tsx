// "Besuch dokumentieren" for an appointment (/termine/:appointmentId/notiz).
import { useParams } from 'react-router';
import { VisitNotePage } from '../../features/notes/VisitNotePage';

export function VisitNoteRoute() {
  const appointmentId = useParams().appointmentId ?? '';
  return <VisitNotePage key={appointmentId} appointmentId={appointmentId} />;
}
