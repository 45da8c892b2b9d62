import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../ui/paths';

/** "2 Konflikte" next to the sync status, leading to the conflict view; nothing without conflicts. */
export function ConflictsLink({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Link to={paths.conflicts} className="header-alert-link">
      <span aria-hidden="true" className="alert-mark">
        !
      </span>
      {t('conflicts.link', { count })}
    </Link>
  );
}
