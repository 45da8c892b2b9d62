// The header's way into the search screen (/suche): a magnifier on a phone, a
// magnifier with its word from tablet width on. The word is always the link's
// accessible name ("Suchen"); on a phone it is only visually hidden.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import './search-link.css';

export function SearchLink() {
  const { t } = useTranslation();
  return (
    <NavLink to="/suche" className="search-link">
      <svg
        className="icon"
        viewBox="0 0 24 24"
        width="24"
        height="24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        <path d="M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM15.2 15.2 20 20" />
      </svg>
      <span className="search-link-label">{t('nav.search')}</span>
    </NavLink>
  );
}
