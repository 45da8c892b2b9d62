// Puts the device's session (session/session-manager.ts) into React: the gate
// the app shows (login, lock screen, or the signed-in app) and its actions. The
// sync engine is loaded after the first screen is up (deferred-engine.ts).
import { type ReactNode, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { requestPersistence } from '../../db/infrastructure/storage';
import { createSessionManager, type SessionManager } from '../../session/session-manager';
import { queryClient } from '../query-client';
import { createDeferredEngine } from './deferred-engine';
import { type SessionControl, SessionControlContext } from './session-context';

function createAppSessionManager(): SessionManager {
  return createSessionManager({
    async createApi(options) {
      const { createApiClient } = await import('../../sync/api-client');
      return createApiClient(options);
    },
    startEngine(db, api) {
      const engine = createDeferredEngine(async () => {
        const { createSyncEngine } = await import('../../sync');
        return createSyncEngine({ db, api });
      });
      engine.start();
      return engine;
    },
    // Once per unlock: without it the browser may evict unsynced notes under storage pressure.
    onSignedIn: () => void requestPersistence(),
  });
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [manager] = useState(createAppSessionManager);
  const gate = useSyncExternalStore(manager.subscribe, manager.getGate);

  useEffect(() => {
    void manager.start();
    return () => manager.dispose();
  }, [manager]);

  // Nothing the signed-in user saw stays in memory after lock or logout.
  useEffect(() => {
    if (gate.status !== 'signedIn') queryClient.clear();
  }, [gate.status]);

  const value = useMemo<SessionControl>(
    () => ({
      gate,
      status: gate.status,
      session: gate.status === 'signedIn' ? gate.session : null,
      signIn: manager.signIn,
      setupNeeded: manager.setupNeeded,
      setUp: manager.setUp,
      redeemCode: manager.redeemCode,
      changePassword: manager.changePassword,
      finishPasswordChange: manager.finishPasswordChange,
      unlock: manager.unlock,
      renewSession: manager.renewSession,
      lock: manager.lock,
      switchUser: manager.switchUser,
      signOut: manager.signOut,
    }),
    [gate, manager],
  );

  return <SessionControlContext value={value}>{children}</SessionControlContext>;
}
