import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { caseIdsWithOpenConcern } from '../../db/repositories/concerns';
import { Badge, ConflictBadge, EmptyState, Loading, PageHeader } from '../../ui/components';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { SubstituteBadge } from './SubstituteBadge';
import { useOpenCases } from './use-cases';
import { useMySubstitutions } from './use-substitute-cases';

export function CaseListPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const cases = useOpenCases(search);
  const substitutions = useMySubstitutions();
  const concerns = useCasesWithOpenConcern();

  return (
    <>
      <PageHeader title={t('cases.title')} />
      <div className="field search-field">
        <label htmlFor="case-search">{t('cases.search')}</label>
        <input
          id="case-search"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder={t('cases.searchHint')}
          autoComplete="off"
        />
      </div>
      {!cases && <Loading label={t('app.loading')} />}
      {cases?.length === 0 && <EmptyState>{search ? t('cases.noMatch') : t('cases.empty')}</EmptyState>}
      <ul className="plain-list card-list">
        {cases?.map((item) => (
          <li key={item.id}>
            <Link
              to={paths.case(item.id)}
              className={`card card-link ${concerns?.has(item.id) ? 'note-8a' : ''}`}
            >
              <span className="item-title">{item.familyName}</span>
              <span className="item-meta">
                {item.reference}
                {item.helpType && ` · ${item.helpType}`}
              </span>
              {item.address && <span className="item-meta">{item.address}</span>}
              <span className="badges">
                {concerns?.has(item.id) && <Badge tone="alert">{t('concerns.badge')}</Badge>}
                <ConflictBadge record={item} />
                <SubstituteBadge until={substitutions.get(item.id)} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Cases with a § 8a concern no lead has acknowledged yet: marked in the list until then. */
function useCasesWithOpenConcern(): Set<string> | undefined {
  const { db } = useSession();
  return useLiveQuery(() => caseIdsWithOpenConcern(db), [db]);
}
