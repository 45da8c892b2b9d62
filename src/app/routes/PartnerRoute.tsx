import { useParams } from 'react-router';
import { PartnerDetailPage } from '../../features/partners/PartnerDetailPage';
import { LazyRecordConflicts } from './LazyRecordConflicts';

export function PartnerRoute() {
  return (
    <PartnerDetailPage
      partnerId={useParams().partnerId ?? ''}
      renderConflicts={(partner) => (
        <LazyRecordConflicts item={{ entity: 'partner', record: partner }} level={2} />
      )}
    />
  );
}
