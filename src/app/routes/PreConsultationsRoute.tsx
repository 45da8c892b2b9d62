import { PreConsultationsPage } from '../../features/pre-consultations/PreConsultationsPage';
import { LazyRecordConflicts } from './LazyRecordConflicts';

export function PreConsultationsRoute() {
  return (
    <PreConsultationsPage
      renderConflicts={(consultation) => (
        <LazyRecordConflicts item={{ entity: 'preConsultation', record: consultation }} level={3} />
      )}
    />
  );
}
