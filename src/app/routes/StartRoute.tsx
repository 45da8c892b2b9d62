// The start page: Heute for the people who work on cases; Administration alone
// sees no case content, so their start is "Team & Zugänge".
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';

export function StartRoute({ today }: { today: ReactNode }) {
  const { user } = useSession();
  if (user.role === 'admin') return <Navigate to={paths.team} replace />;
  return today;
}
