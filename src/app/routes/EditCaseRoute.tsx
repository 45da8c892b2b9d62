import { useParams } from 'react-router';
import { EditCasePage } from '../../features/cases/EditCasePage';

export function EditCaseRoute() {
  return <EditCasePage caseId={useParams().caseId ?? ''} />;
}
