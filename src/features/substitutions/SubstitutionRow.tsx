import { useTranslation } from 'react-i18next';
import type { SubstitutionRecord } from '../../shared/records';
import { Badge, ConflictBadge } from '../../ui/components';
import { DeleteButton } from '../../ui/components/DeleteButton';
import { todayIso, useFormatters, yesterdayIso } from '../../ui/format';
import { useSubstitutionWrites } from './use-substitutions';

type Period = 'active' | 'upcoming' | 'ended';

function periodOf(substitution: SubstitutionRecord, today: string): Period {
  if (substitution.until < today) return 'ended';
  if (substitution.from > today) return 'upcoming';
  return 'active';
}

interface SubstitutionRowProps {
  substitution: SubstitutionRecord;
  substituteName: string;
}

export function SubstitutionRow({ substitution, substituteName }: SubstitutionRowProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { endOn, remove } = useSubstitutionWrites();
  const today = todayIso();
  const period = periodOf(substitution, today);
  const nameId = `substitution-${substitution.id}`;
  // Ending means access stops now: the last day becomes yesterday. A period that
  // began today has nothing to keep, so it is deleted instead.
  const canEnd = period === 'active' && substitution.from < today;

  return (
    <div className="substitution-row">
      <p className="item-title" id={nameId}>
        {substituteName}
      </p>
      <p className="item-meta">
        {t('substitutions.period', {
          from: format.day(substitution.from),
          until: format.day(substitution.until),
        })}{' '}
        <Badge tone={period === 'active' ? 'success' : 'muted'}>{t(`substitutions.${period}`)}</Badge>{' '}
        <ConflictBadge record={substitution} />
      </p>
      <div className="form-actions">
        {canEnd && (
          <button
            type="button"
            className="button button-secondary"
            aria-describedby={nameId}
            onClick={() => void endOn(substitution.id, yesterdayIso())}
          >
            {t('substitutions.end')}
          </button>
        )}
        <DeleteButton
          label={t('substitutions.delete')}
          title={t('substitutions.deleteTitle')}
          text={t('substitutions.deleteText', { name: substituteName })}
          describedBy={nameId}
          onConfirm={() => remove(substitution.id)}
        />
      </div>
    </div>
  );
}
