import { useTranslation } from 'react-i18next';
import { Badge } from './basics';

/** "Konflikt" on any record with open conflicts; nothing otherwise. */
export function ConflictBadge({ record }: { record: { conflicts: readonly unknown[] } }) {
  const { t } = useTranslation();
  if (record.conflicts.length === 0) return null;
  return <Badge tone="alert">{t('conflicts.badge')}</Badge>;
}
