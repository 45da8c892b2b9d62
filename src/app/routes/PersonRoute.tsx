import { useParams } from 'react-router';
import { PersonPage } from '../../features/people/PersonPage';

export function PersonRoute() {
  return <PersonPage personId={useParams().personId ?? ''} />;
}
