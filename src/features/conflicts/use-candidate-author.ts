import { useTranslation } from 'react-i18next';
import type { ConflictCandidateView } from '../../db/repositories/conflicts';
import { useSession } from '../../ui/session';

/**
 * Who set a candidate value, for "von … am …". The same person often stands on
 * both sides (phone offline, tablet online), so this device's value says so.
 */
export function useCandidateAuthor(): (candidate: ConflictCandidateView) => string {
  const { t } = useTranslation();
  const { deviceId } = useSession();
  return (candidate) => {
    const name = candidate.byName ?? t('values.unknownPerson');
    return candidate.deviceId === deviceId ? t('conflicts.thisDevice', { name }) : name;
  };
}
