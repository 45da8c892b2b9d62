// Owns the signed-in session: after login (or at start, from the stored session)
// -> open the user's database -> start the sync engine. A stored session opens
// straight from IndexedDB without asking the network, so the app cold-starts
// offline; the token is only needed again when the engine talks to the server.

import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { clearSession, getDeviceId, loadSession, saveSession } from '../../db/device-store';
import { requestPersistence } from '../../db/storage';
import { deleteUserDb, openUserDb } from '../../db/user-db';
import type { LoginResponse, SessionUser } from '../../shared/protocol';
import { createDeferredEngine } from './deferred-engine';
import { type Session, type SessionControl, SessionControlContext } from './session-context';

export function SessionProvider({ children }: { children: ReactNode }) {
  /** undefined while reading the device store; null when nobody is signed in. */
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const tokenRef = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([loadSession(), getDeviceId()]).then(([stored, id]) => {
      if (!live) return;
      tokenRef.current = stored?.token ?? null;
      setDeviceId(id);
      setUser(stored?.user ?? null);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!user || !deviceId) {
      setSession(null);
      return;
    }
    // Not yet encrypted in the app: the key comes with the lock screen (unlock with the password, issue 5).
    const db = openUserDb(user.id, null);
    const engine = createDeferredEngine(async () => {
      const { createApiClient, createSyncEngine } = await import('../../sync');
      const api = createApiClient({ deviceId, getToken: () => tokenRef.current });
      return createSyncEngine({ db, api });
    });
    engine.start();
    // Once per login or start: without it the browser may evict unsynced notes under storage pressure.
    void requestPersistence();
    setSession({ user, db, engine, deviceId, actor: { userId: user.id, teamId: user.teamId } });
    return () => engine.stop();
  }, [user, deviceId]);

  const remember = useCallback(async (response: LoginResponse) => {
    await saveSession({ token: response.token, expiresAt: response.expiresAt, user: response.user });
    tokenRef.current = response.token;
  }, []);

  const signIn = useCallback(
    async (response: LoginResponse) => {
      await remember(response);
      setUser(response.user);
    },
    [remember],
  );

  const renewToken = useCallback(
    async (response: LoginResponse) => {
      await remember(response);
      await session?.engine.syncNow();
    },
    [remember, session],
  );

  const signOut = useCallback(async () => {
    session?.engine.stop();
    await clearSession();
    tokenRef.current = null;
    // Unmount every screen (and its live queries) before the database goes away.
    flushSync(() => setUser(null));
    if (session) await deleteUserDb(session.user.id);
  }, [session]);

  const value = useMemo<SessionControl>(() => {
    const status = user === null ? 'signedOut' : session ? 'signedIn' : 'loading';
    return { status, session, signIn, renewToken, signOut };
  }, [user, session, signIn, renewToken, signOut]);

  return <SessionControlContext value={value}>{children}</SessionControlContext>;
}
