import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterPartners } from '../../db/repositories/partners';
import type { PartnerRecord } from '../../shared/records';
import './pre-consultations.css';

/** More than this many matches: the list asks for a narrower search instead of growing long on a phone. */
const MAX_SHOWN = 8;

interface PartnerPickerProps {
  partners: readonly PartnerRecord[];
  value: string | null;
  onChange: (partnerId: string) => void;
  error?: string | undefined;
}

/**
 * A searchable choice of one partner: a search box filters the directory as you
 * type, the matches are radio buttons (one tap on a phone, arrow keys on a tablet).
 * The chosen partner stays in the list even when the search no longer matches it.
 */
export function PartnerPicker({ partners, value, onChange, error }: PartnerPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const matches = filterPartners(partners, query);
  const chosen = partners.find((partner) => partner.id === value);
  const shown = matches.slice(0, MAX_SHOWN);
  if (chosen && !shown.includes(chosen)) shown.unshift(chosen);
  const errorId = `${id}-error`;

  return (
    <fieldset className="partner-picker" aria-describedby={error ? errorId : undefined}>
      <legend className="visually-hidden">{t('referral.choose')}</legend>
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('referral.search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('partners.filterHint')}
          autoComplete="off"
        />
      </div>
      {matches.length === 0 && (
        <p className="muted" role="status">
          {t('referral.noMatch', { query: query.trim() })}
        </p>
      )}
      <ul className="plain-list partner-options">
        {shown.map((partner) => {
          const optionId = `${id}-${partner.id}`;
          const details = [partner.organisation, partner.district].filter(Boolean).join(' · ');
          return (
            <li key={partner.id}>
              <input
                type="radio"
                id={optionId}
                name={`${id}-partner`}
                value={partner.id}
                checked={partner.id === value}
                onChange={() => onChange(partner.id)}
                aria-invalid={error ? true : undefined}
              />
              <label htmlFor={optionId}>
                <span className="item-title">{partner.name}</span>
                {details && <span className="item-meta">{details}</span>}
              </label>
            </li>
          );
        })}
      </ul>
      {matches.length > MAX_SHOWN && (
        <p className="muted">{t('referral.moreMatches', { count: matches.length - MAX_SHOWN })}</p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
