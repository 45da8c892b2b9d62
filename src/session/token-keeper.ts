// Holds the signed-in user's tokens while the app is unlocked and renews the
// short-lived access token with the refresh token when the server answers 401.
//
// Refresh tokens rotate: each works once. Several tabs of the same user share
// the stored tokens, so renewal runs under a Web Lock per user and first looks
// whether another tab already renewed (the stored access token is no longer the
// one the server refused); only then does it spend the refresh token.
import { loadAccount, updateAccount } from '../db/infrastructure/device-store';
import type { SessionTokens, SessionUser } from '../shared/protocol';
import { isLoginExpired } from '../sync/api-client';
import { withSyncLock } from '../sync/environment';
import { type DeviceTokens, deviceTokensOf, sealTokens, unsealTokens } from './device-tokens';

export interface TokenKeeper {
  /** The access token to send now. */
  current(): string;
  /**
   * After the server refused `rejectedToken` (401): true when a renewed token is
   * ready, false when only a new login can help. Rejects with the refresh call's
   * error when the device is offline (NetworkError) or was revoked (401 'revoked').
   */
  renew(rejectedToken: string): Promise<boolean>;
  /** After a re-login: the new tokens, stored sealed. */
  replace(session: SessionTokens): Promise<void>;
}

export interface TokenKeeperOptions {
  userId: string;
  dataKey: CryptoKey;
  tokens: DeviceTokens;
  refresh(refreshToken: string): Promise<SessionTokens>;
  /** The user as the server now describes them (e.g. a changed lock setting). */
  onUser?(user: SessionUser): void;
}

export function createTokenKeeper(opts: TokenKeeperOptions): TokenKeeper {
  const { userId, dataKey } = opts;
  let tokens = opts.tokens;

  async function store(session: SessionTokens): Promise<void> {
    tokens = deviceTokensOf(session);
    await updateAccount(userId, { tokens: await sealTokens(dataKey, userId, tokens), user: session.user });
    opts.onUser?.(session.user);
  }

  async function renewUnderLock(rejectedToken: string): Promise<boolean> {
    const stored = (await loadAccount(userId))?.tokens;
    // Signed out or wiped in another tab meanwhile.
    if (!stored) return false;
    const latest = await unsealTokens(dataKey, userId, stored);
    if (latest.token !== rejectedToken) {
      tokens = latest;
      return true;
    }
    try {
      await store(await opts.refresh(latest.refreshToken));
      return true;
    } catch (error) {
      // Expired or used up: the person logs in again (the re-login prompt).
      if (isLoginExpired(error)) return false;
      throw error;
    }
  }

  return {
    current: () => tokens.token,
    renew: (rejectedToken) => withSyncLock(`feldakte-token:${userId}`, () => renewUnderLock(rejectedToken)),
    replace: store,
  };
}
