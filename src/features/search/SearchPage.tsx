import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchEntity, SearchResult } from '../../db/search/search';
import { Loading, PageHeader } from '../../ui/components';
import { useFormatters } from '../../ui/format';
import { paths } from '../../ui/paths';
import { useDebounced, useSearch } from './use-search';
import './search.css';

const GROUPS: SearchEntity[] = ['case', 'note', 'appointment', 'preConsultation', 'partner'];

function linkOf(result: SearchResult): string {
  if (result.entity === 'partner') return paths.partner(result.id);
  if (result.entity === 'preConsultation' || !result.caseId) return paths.preConsultations;
  return paths.case(result.caseId);
}

export function SearchPage() {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const query = useDebounced(input.trim());
  const results = useSearch(query);
  const format = useFormatters();

  const dateOf = (result: SearchResult) => {
    if (!result.date) return null;
    const [day = '', time] = result.date.split(' ');
    return time ? `${format.day(day)}, ${time}` : format.day(day);
  };
  const titleOf = (result: SearchResult) => {
    if (result.entity === 'partner') return result.title;
    const caseName = result.title || t('search.unknownCase');
    if (result.entity === 'note') return t('search.noteIn', { caseName });
    if (result.entity === 'appointment') return t('search.appointmentIn', { caseName });
    return caseName;
  };

  return (
    <>
      <PageHeader title={t('search.title')} />
      <search className="field search-field">
        <label htmlFor="local-search">{t('search.field')}</label>
        <input
          id="local-search"
          type="search"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          placeholder={t('search.hint')}
          autoComplete="off"
          // biome-ignore lint/a11y/noAutofocus: the screen exists to type a search term
          autoFocus
          enterKeyHint="search"
        />
      </search>
      {!query && <p className="search-prompt">{t('search.prompt')}</p>}
      {query && !results && <Loading label={t('app.loading')} />}
      {query && results && (
        <p className="search-count" role="status">
          {results.length === 0
            ? t('search.noMatch', { query })
            : t('search.count', { count: results.length })}
        </p>
      )}
      {query &&
        results &&
        GROUPS.map((entity) => {
          const group = results.filter((result) => result.entity === entity);
          if (group.length === 0) return null;
          const headingId = `search-group-${entity}`;
          return (
            <section key={entity} aria-labelledby={headingId} className="search-group">
              <h2 id={headingId}>
                {entity === 'partner' ? t('partners.title') : t(`search.groups.${entity}`)}
              </h2>
              <ul className="plain-list card-list">
                {group.map((result) => (
                  <li key={`${result.entity}:${result.id}`}>
                    <Link to={linkOf(result)} className="card card-link">
                      <span className="item-title">{titleOf(result)}</span>
                      {result.date && <span className="item-meta">{dateOf(result)}</span>}
                      {result.snippet && <span className="search-snippet">{result.snippet}</span>}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
    </>
  );
}
