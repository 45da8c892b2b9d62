// Nobody signed in: the login, or "Mit Einladungscode anmelden", or, while the
// installation is still empty, its "Einrichtung". Whether it is empty is asked
// once before the first screen (offline, or when the server is slow to say,
// the login comes: an installation that answers nothing is set up later).
import { lazy, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../ui/components/basics';
import { useSessionControl } from '../ui/session';
import { signedOutRoutes as routes } from '../ui/signed-out-paths';
import { useSignedOutLocation } from './signed-out-location';

const LoginPage = lazy(() => import('../features/auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const SetupPage = lazy(() => import('../features/auth/SetupPage').then((m) => ({ default: m.SetupPage })));
const InvitationPage = lazy(() =>
  import('../features/auth/InvitationPage').then((m) => ({ default: m.InvitationPage })),
);

/** How long the first screen waits for the server to say whether a set-up is needed. */
const SETUP_CHECK_MS = 4_000;

export function SignedOutApp() {
  const { t } = useTranslation();
  const { setupNeeded } = useSessionControl();
  const { pathname, go } = useSignedOutLocation();
  const [setup, setSetup] = useState<'checking' | 'needed' | 'done'>(() =>
    navigator.onLine ? 'checking' : 'done',
  );

  useEffect(() => {
    if (setup !== 'checking') return;
    let current = true;
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), SETUP_CHECK_MS));
    void Promise.race([setupNeeded(), timeout]).then((needed) => {
      if (current) setSetup(needed ? 'needed' : 'done');
    });
    return () => {
      current = false;
    };
  }, [setup, setupNeeded]);

  useEffect(() => {
    if (setup === 'needed' && pathname !== routes.setup) go(routes.setup, { replace: true });
    if (setup === 'done' && pathname === routes.setup) go(routes.start, { replace: true });
  }, [setup, pathname, go]);

  if (setup === 'checking') {
    return (
      <main id="main" className="splash">
        <Loading label={t('app.loading')} />
      </main>
    );
  }
  if (setup === 'needed') return <SetupPage />;
  if (pathname === routes.invitation) {
    return <InvitationPage loginHref={routes.start} onLogin={() => go(routes.start)} />;
  }
  return <LoginPage invitation={{ href: routes.invitation, go: () => go(routes.invitation) }} />;
}
