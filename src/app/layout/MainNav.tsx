// Bottom tab bar on a phone, a side rail from tablet width on (same markup, CSS
// decides). A phone's bar holds five tabs: the first four items, then "Mehr",
// which opens a menu of the rest above the bar; on a tablet the rail lists every
// item and the button is not shown.
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import type { SessionUser } from '../../shared/protocol';
import { Icon, type IconName } from '../../ui/components/icons';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import './main-nav.css';

type NavLabel =
  | 'nav.today'
  | 'nav.cases'
  | 'nav.appointments'
  | 'nav.preConsultations'
  | 'nav.review'
  | 'moreNav.caseload'
  | 'moreNav.report'
  | 'moreNav.partners'
  | 'moreNav.access';

interface NavItem {
  to: string;
  label: NavLabel;
  icon: IconName;
}

const today: NavItem = { to: paths.today, label: 'nav.today', icon: 'today' };
const cases: NavItem = { to: paths.cases, label: 'nav.cases', icon: 'cases' };
const appointments: NavItem = { to: paths.appointments, label: 'nav.appointments', icon: 'appointments' };
const field: NavItem = { to: paths.preConsultations, label: 'nav.preConsultations', icon: 'field' };
const review: NavItem = { to: paths.review, label: 'nav.review', icon: 'review' };
const caseload: NavItem = { to: paths.caseload, label: 'moreNav.caseload', icon: 'caseload' };
const report: NavItem = { to: paths.report, label: 'moreNav.report', icon: 'report' };
const partners: NavItem = { to: paths.partners, label: 'moreNav.partners', icon: 'partners' };
const access: NavItem = { to: paths.team, label: 'moreNav.access', icon: 'access' };

/** First the tabs a phone shows, then what its "Mehr" menu holds. */
const ITEMS = {
  worker: { main: [today, cases, appointments, field], more: [report, partners] },
  lead: { main: [today, cases, appointments, review], more: [field, caseload, report, partners, access] },
  // Administration sees no case content: only the people and teams (and the account, from the header).
  admin: { main: [access], more: [] },
} as const satisfies Record<SessionUser['role'], { main: readonly NavItem[]; more: readonly NavItem[] }>;

function NavItemLink({ item, onClick }: { item: NavItem; onClick?: () => void }) {
  const { t } = useTranslation();
  return (
    <NavLink to={item.to} end={item.to === paths.today} className="nav-link" onClick={onClick}>
      <Icon name={item.icon} />
      <span>{t(item.label)}</span>
    </NavLink>
  );
}

export function MainNav() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { main, more } = ITEMS[user.role];
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const moreRef = useRef<HTMLLIElement>(null);
  const moreIsCurrent = more.some((item) => pathname === item.to || pathname.startsWith(`${item.to}/`));

  // Any navigation closes the menu (state adjusted while rendering, not in an effect).
  const [openedAt, setOpenedAt] = useState(pathname);
  if (openedAt !== pathname) {
    setOpenedAt(pathname);
    setOpen(false);
  }

  // A tap or click outside closes it too.
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!moreRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  function onMenuKey(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    buttonRef.current?.focus();
  }

  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul>
        {main.map((item) => (
          <li key={item.to}>
            <NavItemLink item={item} />
          </li>
        ))}
        {more.length > 0 && (
          <li className="nav-more" ref={moreRef} onKeyDown={onMenuKey}>
            <button
              ref={buttonRef}
              type="button"
              className={`nav-link nav-more-button ${moreIsCurrent ? 'is-current' : ''}`}
              aria-expanded={open}
              aria-controls={menuId}
              onClick={() => setOpen((was) => !was)}
            >
              <Icon name="more" />
              <span>{t('moreNav.more')}</span>
            </button>
            <ul id={menuId} className={`nav-more-menu ${open ? 'is-open' : ''}`}>
              {more.map((item) => (
                <li key={item.to}>
                  <NavItemLink item={item} onClick={() => setOpen(false)} />
                </li>
              ))}
            </ul>
          </li>
        )}
      </ul>
    </nav>
  );
}
