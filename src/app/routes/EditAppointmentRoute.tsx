import { useParams } from 'react-router';
import { EditAppointmentPage } from '../../features/appointments/EditAppointmentPage';
import { LazyRecordConflicts } from './LazyRecordConflicts';

export function EditAppointmentRoute() {
  return (
    <EditAppointmentPage
      appointmentId={useParams().appointmentId ?? ''}
      renderConflicts={(appointment) => (
        <LazyRecordConflicts item={{ entity: 'appointment', record: appointment }} level={2} />
      )}
    />
  );
}
