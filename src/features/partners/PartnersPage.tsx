import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { filterPartners } from '../../db/repositories/partners';
import { Badge, ButtonLink, ConflictBadge, EmptyState, Loading, PageHeader } from '../../ui/components';
import { paths } from '../../ui/paths';
import { useCanEditPartners, usePartners } from './use-partners';
import './partners.css';

/** The directory: filtered as you type (name, organisation, services, district), sorted by name. */
export function PartnersPage() {
  const { t } = useTranslation();
  const partners = usePartners();
  const canEdit = useCanEditPartners();
  const [query, setQuery] = useState('');
  const shown = partners && filterPartners(partners, query);

  return (
    <>
      <PageHeader title={t('partners.title')}>
        {canEdit && <ButtonLink to={paths.newPartner}>{t('partners.newPartner')}</ButtonLink>}
      </PageHeader>
      <p className="muted">
        {t('partners.intro')} {!canEdit && t('partners.leadsEdit')}
      </p>
      {partners && partners.length > 0 && (
        <search className="field search-field">
          <label htmlFor="partner-filter">{t('partners.filter')}</label>
          <input
            id="partner-filter"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t('partners.filterHint')}
            autoComplete="off"
            enterKeyHint="search"
          />
        </search>
      )}
      {!partners && <Loading label={t('app.loading')} />}
      {partners?.length === 0 && (
        <EmptyState>{canEdit ? t('partners.emptyLead') : t('partners.empty')}</EmptyState>
      )}
      {shown && partners && partners.length > 0 && (
        <p className="partner-count" role="status">
          {shown.length === 0
            ? t('partners.noMatch', { query: query.trim() })
            : t('partners.count', { count: shown.length })}
        </p>
      )}
      <ul className="plain-list card-list partner-list">
        {shown?.map((partner) => (
          <li key={partner.id}>
            <Link to={paths.partner(partner.id)} className="card card-link">
              <span className="item-title">{partner.name}</span>
              {(partner.organisation || partner.district) && (
                <span className="item-meta">
                  {[partner.organisation, partner.district].filter(Boolean).join(' · ')}
                </span>
              )}
              {partner.services && <span className="partner-services">{partner.services}</span>}
              <span className="badges">
                <ConflictBadge record={partner} />
                {partner.version === 0 && <Badge tone="pending">{t('partners.unsynced')}</Badge>}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
