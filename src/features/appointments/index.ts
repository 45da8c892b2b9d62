export { AppointmentsPage } from './AppointmentsPage';
export { EditAppointmentPage } from './EditAppointmentPage';
export { NewAppointmentPage } from './NewAppointmentPage';
export { TodayPage } from './TodayPage';
