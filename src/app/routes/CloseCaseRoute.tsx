import { useParams } from 'react-router';
import { CloseCasePage } from '../../features/cases/CloseCasePage';

export function CloseCaseRoute() {
  return <CloseCasePage caseId={useParams().caseId ?? ''} />;
}
