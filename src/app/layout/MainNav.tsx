// Bottom tab bar on a phone, a side rail from tablet width on (same markup, CSS decides).
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { Icon, type IconName } from '../../ui/components/icons';
import { useSession } from '../../ui/session';

interface NavItem {
  to: string;
  label: 'nav.today' | 'nav.cases' | 'nav.appointments' | 'nav.preConsultations' | 'nav.review';
  icon: IconName;
}

const WORKER_ITEMS: NavItem[] = [
  { to: '/', label: 'nav.today', icon: 'today' },
  { to: '/faelle', label: 'nav.cases', icon: 'cases' },
  { to: '/termine', label: 'nav.appointments', icon: 'appointments' },
  { to: '/fall-im-feld', label: 'nav.preConsultations', icon: 'field' },
];
const LEAD_ITEMS: NavItem[] = [...WORKER_ITEMS, { to: '/pruefen', label: 'nav.review', icon: 'review' }];

export function MainNav() {
  const { t } = useTranslation();
  const { user } = useSession();
  const items = user.role === 'lead' ? LEAD_ITEMS : WORKER_ITEMS;

  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.to === '/'} className="nav-link">
              <Icon name={item.icon} />
              <span>{t(item.label)}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
