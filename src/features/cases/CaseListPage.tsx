import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { caseIdsWithOpenConcern } from '../../db/repositories/concerns';
import { Badge, ConflictBadge, EmptyState, Loading, PageHeader } from '../../ui/components';
import { ButtonLink } from '../../ui/components/links';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { SubstituteBadge } from './SubstituteBadge';
import { useCaseList } from './use-cases';
import { useMySubstitutions } from './use-substitute-cases';
import './cases.css';

/** The list shows the current cases; "?status=abgeschlossen" the closed ones (kept in the address for "back"). */
const CLOSED_PARAM = 'abgeschlossen';

export function CaseListPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [params, setParams] = useSearchParams();
  const showClosed = params.get('status') === CLOSED_PARAM;
  const cases = useCaseList(search, showClosed);
  const substitutions = useMySubstitutions();
  const concerns = useCasesWithOpenConcern();

  return (
    <>
      <PageHeader title={t('cases.title')}>
        <ButtonLink to={paths.newCase} variant="secondary">
          {t('caseList.newCase')}
        </ButtonLink>
      </PageHeader>
      <div className="case-list-controls">
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
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('caseList.show')}</legend>
          {[false, true].map((closedChoice) => (
            <label key={String(closedChoice)} className="segmented-choice">
              <input
                type="radio"
                name="case-status"
                checked={showClosed === closedChoice}
                onChange={() => setParams(closedChoice ? { status: CLOSED_PARAM } : {}, { replace: true })}
              />
              <span>{closedChoice ? t('caseList.closed') : t('caseList.current')}</span>
            </label>
          ))}
        </fieldset>
      </div>
      {!cases && <Loading label={t('app.loading')} />}
      {cases?.length === 0 && (
        <EmptyState>
          {search ? t('cases.noMatch') : showClosed ? t('caseList.emptyClosed') : t('cases.empty')}
        </EmptyState>
      )}
      <ul className="plain-list card-list">
        {cases?.map((item) => (
          <li key={item.id}>
            <Link
              to={paths.case(item.id)}
              className={`card card-link ${concerns?.has(item.id) ? 'note-8a' : ''}`}
            >
              <span className="item-title">{item.familyName}</span>
              <span className="item-meta">
                {item.reference} · {t(`helpKind.${item.helpKind}`)}
                {item.district && ` · ${item.district}`}
              </span>
              {item.address && <span className="item-meta">{item.address}</span>}
              <span className="badges">
                {item.status === 'closure_requested' && (
                  <Badge tone="pending">{t('caseClosure.requested')}</Badge>
                )}
                {item.status === 'closed' && <Badge tone="muted">{t('caseClosure.closed')}</Badge>}
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
