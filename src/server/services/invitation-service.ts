// Redeeming a one-time code (invitation or password reset): with their username,
// the code and a new password, a person sets their password and is signed in on
// that device. Every way to fail (unknown username, wrong code, expired, used)
// looks the same to the caller, and counts against the login limits
// (login-rate-limit.ts), checked before anything is looked up.
// A blocked person, or one on a revoked device, is refused 'revoked' and the code
// stays unused.
import type { SessionTokens } from '../../shared/protocol';
import type { Database } from '../db/database';
import { appendAudit } from '../repositories/audit-log';
import { lockRedeemableCode, markCodeUsed } from '../repositories/one-time-codes';
import { setPasswordHash } from '../repositories/people';
import { isDeviceRevoked, isUserRevoked } from '../repositories/revocations';
import { findSessionUser } from '../repositories/users';
import type { AuthService, Refused } from './auth-service';
import type { LoginRateLimit } from './login-rate-limit';
import { hashOneTimeCode } from './one-time-code';
import { hashPassword } from './password';

export interface Redemption {
  username: string;
  code: string;
  password: string;
  refresh: boolean;
}

/** Where a redemption comes from: the device, and the address the attempt is counted under. */
export interface RedemptionContext {
  deviceId: string | null;
  address: string;
}

export interface InvitationServiceOptions {
  auth: Pick<AuthService, 'startSession'>;
  loginRateLimit: LoginRateLimit;
}

export function createInvitationService(db: Database, { auth, loginRateLimit }: InvitationServiceOptions) {
  /** The new session; null when the code does not work (audited); 'revoked' for a blocked person. */
  async function redeemCode(
    redemption: Redemption,
    deviceId: string | null,
  ): Promise<SessionTokens | Refused | null> {
    const codeHash = hashOneTimeCode(redemption.code);
    // Hashed before the transaction: scrypt takes a while and holds no lock meanwhile.
    const passwordHash = await hashPassword(redemption.password);
    const outcome = await db.transaction(async (tx) => {
      const code = await lockRedeemableCode(tx, codeHash, redemption.username);
      if (!code) return null;
      const user = await findSessionUser(tx, code.userId);
      if (!user) return null;
      const revoked =
        (await isUserRevoked(tx, user.id)) ||
        (deviceId !== null && (await isDeviceRevoked(tx, deviceId, user.teamId)));
      if (revoked) return { refused: 'revoked' as const, user };
      await setPasswordHash(tx, user.id, passwordHash, { activate: true });
      await markCodeUsed(tx, codeHash);
      await appendAudit(tx, {
        userId: user.id,
        deviceId,
        action: 'code_redeemed',
        detail: { purpose: code.purpose },
      });
      return { refused: null, user };
    });
    if (!outcome) {
      await appendAudit(db, {
        userId: null,
        deviceId,
        action: 'code_redeem_failed',
        detail: { username: redemption.username.slice(0, 100) },
      });
      return null;
    }
    if (outcome.refused) {
      await appendAudit(db, {
        userId: outcome.user.id,
        deviceId,
        action: 'revoked_refused',
        detail: { via: 'invitation' },
      });
      return 'revoked';
    }
    return auth.startSession(outcome.user, deviceId, redemption.refresh);
  }

  return {
    /**
     * The new session; null when the code does not work; 'revoked' for a blocked
     * person; { retryAfterMs } when too many attempts failed from the address.
     */
    async redeem(
      redemption: Redemption,
      context: RedemptionContext,
    ): Promise<SessionTokens | Refused | null | { retryAfterMs: number }> {
      const attempt = { username: redemption.username, address: context.address };
      const retryAfterMs = await loginRateLimit.retryAfterMs(attempt);
      if (retryAfterMs > 0) return { retryAfterMs };
      const outcome = await redeemCode(redemption, context.deviceId);
      if (outcome === null) {
        await loginRateLimit.recordFailure(attempt, {
          userId: null,
          deviceId: context.deviceId,
          via: 'invitation',
          username: redemption.username,
        });
      } else {
        await loginRateLimit.recordSuccess(attempt);
      }
      return outcome;
    },
  };
}

export type InvitationService = ReturnType<typeof createInvitationService>;
