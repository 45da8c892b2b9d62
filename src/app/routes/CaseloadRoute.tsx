import { Navigate } from 'react-router';
import { CaseloadPage } from '../../features/caseload';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';

/** The caseload overview is for leads; anyone else lands on the start page. */
export function CaseloadRoute() {
  const { user } = useSession();
  if (user.role !== 'lead') return <Navigate to={paths.today} replace />;
  return <CaseloadPage />;
}
