// The shell: the session, then either the login or the routed app, each loaded
// on demand so whichever comes first stays small.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../ui/components/basics';
import { SessionProvider, useSessionControl } from '../ui/session';
import { UpdatePrompt } from './pwa/UpdatePrompt';

const LoginPage = lazy(() => import('../features/auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const SignedInApp = lazy(() => import('./SignedInApp').then((m) => ({ default: m.SignedInApp })));

export function App() {
  return (
    <SessionProvider>
      <SessionGate />
      <UpdatePrompt />
    </SessionProvider>
  );
}

function SessionGate() {
  const { t } = useTranslation();
  const { status } = useSessionControl();
  const splash = <Splash label={t('app.loading')} />;
  if (status === 'loading') return splash;
  return <Suspense fallback={splash}>{status === 'signedOut' ? <LoginPage /> : <SignedInApp />}</Suspense>;
}

function Splash({ label }: { label: string }) {
  return (
    <main id="main" className="splash">
      <Loading label={label} />
    </main>
  );
}
