export { NewPreConsultationPage } from './NewPreConsultationPage';
export { PreConsultationsPage } from './PreConsultationsPage';
