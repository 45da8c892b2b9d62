import { createContext } from 'react';
import type { Session, SessionGate, SessionManager } from '../../session/session-manager';

export type { Session } from '../../session/session-manager';

export type SessionStatus = SessionGate['status'];

/** The session's state (see session/session-manager.ts) and what the screens may ask of it. */
export type SessionControl = Pick<
  SessionManager,
  | 'signIn'
  | 'setupNeeded'
  | 'setUp'
  | 'redeemCode'
  | 'changePassword'
  | 'finishPasswordChange'
  | 'unlock'
  | 'renewSession'
  | 'lock'
  | 'switchUser'
  | 'signOut'
> & {
  gate: SessionGate;
  status: SessionStatus;
  session: Session | null;
};

export const SessionControlContext = createContext<SessionControl | null>(null);
