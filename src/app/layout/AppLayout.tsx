import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { ConcernAlert } from '../../features/concerns/ConcernAlert';
import {
  ConflictsLink,
  StaleChangesBanner,
  SyncIndicator,
  SyncProgressBar,
  UpgradeBanner,
} from '../../features/sync-status';
import { Loading } from '../../ui/components/basics';
import { useSyncState } from '../../ui/session';
import { reloadToUpdate } from '../pwa/reload-to-update';
import { MainNav } from './MainNav';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { SearchLink } from './SearchLink';
import { useScrollToTopOnNavigation } from './use-scroll-to-top';

// Only needed when the server rejects the token; keeps the form code out of the first load.
const ReloginPrompt = lazy(() =>
  import('../../features/auth/ReloginPrompt').then((m) => ({ default: m.ReloginPrompt })),
);

export function AppLayout() {
  const { t } = useTranslation();
  const state = useSyncState();
  const { pathname } = useLocation();
  useScrollToTopOnNavigation();

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="header-bar">
          <span className="brand">{t('app.name')}</span>
          <SyncIndicator />
          <SearchLink />
        </div>
        {/* What needs attention now; the row collapses when empty (CSS :empty). */}
        <div className="header-alerts">
          <ConflictsLink count={state.conflictCount} />
          <SyncProgressBar state={state} />
        </div>
      </header>
      <MainNav />
      <main id="main" className="main" tabIndex={-1}>
        <UpgradeBanner onReload={() => void reloadToUpdate()} />
        {state.phase === 'unauthorized' && (
          <Suspense fallback={null}>
            <ReloginPrompt />
          </Suspense>
        )}
        <StaleChangesBanner />
        <ConcernAlert />
        <ScreenErrorBoundary resetKey={pathname} message={t('screen.failed')} reloadLabel={t('sync.reload')}>
          <Suspense fallback={<Loading label={t('app.loading')} />}>
            <Outlet />
          </Suspense>
        </ScreenErrorBoundary>
      </main>
    </div>
  );
}
