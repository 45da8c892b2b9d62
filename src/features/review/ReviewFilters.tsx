// Filters of the review queue: worker, case, kind and a date range. Every change
// replaces the URL's search params (a new history entry, so "back" undoes it).
// A disclosure: open at first on a tablet or when a filter is set; a phone starts
// with the list and the count.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { listMembers } from '../../db/repositories/members';
import type { ReviewFilter } from '../../db/repositories/review';
import { ContactKind } from '../../shared/records';
import { SelectField, TextField } from '../../ui/components';
import { useSession } from '../../ui/session';
import { hasFilter, withFilter, withoutFilters } from './review-filter-params';

function useFilterOptions() {
  const { db } = useSession();
  return useLiveQuery(async () => {
    const [members, cases] = await Promise.all([listMembers(db), db.cases.toArray()]);
    cases.sort((a, b) => a.familyName.localeCompare(b.familyName, 'de'));
    return { members, cases };
  }, [db]);
}

export function ReviewFilters({ filter, count }: { filter: ReviewFilter; count: number | undefined }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const options = useFilterOptions();
  const [open, setOpen] = useState(
    () => hasFilter(filter) || window.matchMedia('(min-width: 900px)').matches,
  );
  const set = (key: Parameters<typeof withFilter>[1]) => (event: { target: { value: string } }) =>
    setParams(withFilter(params, key, event.target.value));

  return (
    <details
      className="review-filters"
      open={open}
      onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}
    >
      <summary>
        <span className="review-filters-title">{t('reviewFilters.legend')}</span>
        {count !== undefined && (
          <span className="muted" role="status">
            {t('reviewFilters.count', { count })}
          </span>
        )}
      </summary>
      <div className="review-filter-grid">
        <SelectField
          label={t('reviewFilters.worker')}
          value={filter.authorId ?? ''}
          onChange={set('authorId')}
        >
          <option value="">{t('reviewFilters.all')}</option>
          {options?.members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('reviewFilters.case')} value={filter.caseId ?? ''} onChange={set('caseId')}>
          <option value="">{t('reviewFilters.all')}</option>
          {options?.cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.familyName} · {c.reference}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('reviewFilters.kind')} value={filter.kind ?? ''} onChange={set('kind')}>
          <option value="">{t('reviewFilters.all')}</option>
          {ContactKind.options.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('reviewFilters.from')}
          type="date"
          value={filter.from ?? ''}
          onChange={set('from')}
        />
        <TextField label={t('reviewFilters.to')} type="date" value={filter.to ?? ''} onChange={set('to')} />
        {hasFilter(filter) && (
          <button
            type="button"
            className="button button-quiet review-filter-reset"
            onClick={() => setParams(withoutFilters(params))}
          >
            {t('reviewFilters.reset')}
          </button>
        )}
      </div>
    </details>
  );
}
