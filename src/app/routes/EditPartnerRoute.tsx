import { useParams } from 'react-router';
import { EditPartnerPage } from '../../features/partners/EditPartnerPage';

export function EditPartnerRoute() {
  return <EditPartnerPage partnerId={useParams().partnerId ?? ''} />;
}
