import { use, useSyncExternalStore } from 'react';
import type { SyncState } from '../../sync';
import { type Session, type SessionControl, SessionControlContext } from './session-context';

export function useSessionControl(): SessionControl {
  const control = use(SessionControlContext);
  if (!control) throw new Error('useSessionControl needs a SessionProvider');
  return control;
}

/** The signed-in session; only screens rendered behind the login may call this. */
export function useSession(): Session {
  const { session } = useSessionControl();
  if (!session) throw new Error('useSession called without a signed-in user');
  return session;
}

export function useSyncState(): SyncState {
  const { engine } = useSession();
  return useSyncExternalStore(engine.subscribe, engine.getState);
}
