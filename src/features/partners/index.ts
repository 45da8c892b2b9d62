export { EditPartnerPage } from './EditPartnerPage';
export { NewPartnerPage } from './NewPartnerPage';
export { PartnerDetailPage } from './PartnerDetailPage';
export { PartnersPage } from './PartnersPage';
