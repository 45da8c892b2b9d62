// The session tokens as the device keeps them: in memory while unlocked, and on
// disk only sealed with the user's data key (device-store.ts), so the stored
// account cannot be used to reach the server without the password.
import { type Sealed, seal, unseal } from '../crypto/sealed';
import type { SessionTokens } from '../shared/protocol';

export interface DeviceTokens {
  token: string;
  expiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
}

export function deviceTokensOf(session: SessionTokens): DeviceTokens {
  const { token, expiresAt, refreshToken, refreshExpiresAt } = session;
  return { token, expiresAt, refreshToken, refreshExpiresAt };
}

/** Binds the sealed tokens to their account: moved to another account, they do not open. */
const where = (userId: string) => `account-tokens:${userId}`;

export function sealTokens(dataKey: CryptoKey, userId: string, tokens: DeviceTokens): Promise<Sealed> {
  return seal(dataKey, tokens, where(userId));
}

export async function unsealTokens(
  dataKey: CryptoKey,
  userId: string,
  sealed: Sealed,
): Promise<DeviceTokens> {
  return (await unseal(dataKey, sealed, where(userId))) as DeviceTokens;
}
