import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/components';
import { useFormatters } from '../../ui/format';

/** "Vertretung bis Fr, 27.11.2026" on a case the worker holds as a substitute. */
export function SubstituteBadge({ until }: { until: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!until) return null;
  return <Badge tone="pending">{t('substitutions.badge', { date: format.day(until) })}</Badge>;
}
