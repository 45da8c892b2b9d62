import { createContext } from 'react';
import type { Actor } from '../../db/local-write';
import type { FeldakteDb } from '../../db/schema';
import type { LoginResponse, SessionUser } from '../../shared/protocol';
import type { SyncEngine } from '../../sync';

/** Everything a signed-in screen needs: who, their local database, and the sync engine. */
export interface Session {
  user: SessionUser;
  actor: Actor;
  db: FeldakteDb;
  engine: SyncEngine;
  /** This device's id, as sent with every sync request (conflicts name the device of each value). */
  deviceId: string;
}

export type SessionStatus = 'loading' | 'signedOut' | 'signedIn';

export interface SessionControl {
  status: SessionStatus;
  session: Session | null;
  /** After a successful first login: remember it, open the user's database and start syncing. */
  signIn(response: LoginResponse): Promise<void>;
  /** After a re-login of the same user: swap the token, keep the database, sync at once. */
  renewToken(response: LoginResponse): Promise<void>;
  /** Ends the session on this device and deletes the user's local data. */
  signOut(): Promise<void>;
}

export const SessionControlContext = createContext<SessionControl | null>(null);
