// The shell: the session, then the signed-out screens (login, set-up, invitation), the
// lock screen or the routed app, each loaded on demand so whichever comes first stays small.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../ui/components/basics';
import { SessionProvider, useSessionControl } from '../ui/session';
import { UpdatePrompt } from './pwa/UpdatePrompt';

const SignedOutApp = lazy(() => import('./SignedOutApp').then((m) => ({ default: m.SignedOutApp })));
const LockScreen = lazy(() => import('../features/auth/LockScreen').then((m) => ({ default: m.LockScreen })));
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
  const { gate } = useSessionControl();
  const splash = <Splash label={t('app.loading')} />;
  if (gate.status === 'loading') return splash;
  return (
    <Suspense fallback={splash}>
      {gate.status === 'signedOut' && <SignedOutApp />}
      {gate.status === 'locked' && (
        <LockScreen user={gate.user} onlineLoginRequired={gate.onlineLoginRequired} />
      )}
      {gate.status === 'signedIn' && <SignedInApp />}
    </Suspense>
  );
}

function Splash({ label }: { label: string }) {
  return (
    <main id="main" className="splash">
      <Loading label={label} />
    </main>
  );
}
