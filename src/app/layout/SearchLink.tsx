// The header's way into the search screen (/suche): a magnifier on a phone, a
// magnifier with its word from tablet width on. The word is always the link's
// accessible name ("Suchen"); on a phone it is only visually hidden.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { Icon } from '../../ui/components/icons';
import { paths } from '../../ui/paths';
import './search-link.css';

export function SearchLink() {
  const { t } = useTranslation();
  return (
    <NavLink to={paths.search} className="search-link">
      <Icon name="search" />
      <span className="search-link-label">{t('nav.search')}</span>
    </NavLink>
  );
}
