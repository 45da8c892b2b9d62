import { useParams } from 'react-router';
import { EditAppointmentPage } from '../../features/appointments/EditAppointmentPage';

export function EditAppointmentRoute() {
  return <EditAppointmentPage appointmentId={useParams().appointmentId ?? ''} />;
}
