// A signed-in person changes their own password. The current password is
// checked like a login (a wrong one counts against the login limits of that
// name at that address, and is audited); the new hash, the end of the person's
// other token families and the audit entry are written in one transaction. The
// device that asked keeps its session; the others get 401 'unauthorized' and ask
// for the new password (not 'revoked': nobody cut them off, nothing is wiped).

import { passwordWeakness } from '../../shared/guessable-password';
import type { ChangePasswordRequest } from '../../shared/protocol';
import type { Database } from '../db/database';
import { appendAudit } from '../repositories/audit-log';
import { setPasswordHash } from '../repositories/people';
import { deleteOtherRefreshTokens, lockOtherRefreshTokens } from '../repositories/refresh-tokens';
import { deleteOtherSessions, findSessionFamily } from '../repositories/sessions';
import { findLoginCandidate, lockPasswordHash } from '../repositories/users';
import { hashToken } from './auth-service';
import type { LoginRateLimit } from './login-rate-limit';
import { hashPassword, verifyPassword } from './password';
import { reject } from './refusal';
import { findUnstorableField } from './storable-text';
import type { Actor } from './visibility';

export interface PasswordChangeContext {
  /** The bearer token of the request: its family stays signed in. */
  token: string;
  deviceId: string | null;
  address: string;
}

/** A change refused before the current password was checked: too many wrong ones. */
export interface PasswordChangeRateLimited {
  retryAfterMs: number;
}

export function createPasswordChangeService(
  db: Database,
  { loginRateLimit }: { loginRateLimit: LoginRateLimit },
) {
  async function refuseWrongPassword(actor: Actor, context: PasswordChangeContext) {
    const attempt = { username: actor.username, address: context.address };
    await appendAudit(db, {
      userId: actor.id,
      deviceId: context.deviceId,
      action: 'password_change_failed',
      detail: { address: context.address },
    });
    await loginRateLimit.recordFailure(attempt, {
      userId: actor.id,
      deviceId: context.deviceId,
      via: 'password_change',
      username: actor.username,
    });
    return reject.invalid('currentPasswordWrong', 'currentPassword');
  }

  return {
    async change(
      actor: Actor,
      context: PasswordChangeContext,
      request: ChangePasswordRequest,
    ): Promise<PasswordChangeRateLimited | null> {
      const unstorable = findUnstorableField(request);
      if (unstorable) throw reject.invalid('unstorableText', unstorable);
      if (passwordWeakness(request.newPassword, actor.username) === 'passwordContainsUsername') {
        throw reject.invalid('passwordContainsUsername', 'newPassword');
      }
      if (request.newPassword.normalize('NFC') === request.currentPassword.normalize('NFC')) {
        throw reject.invalid('passwordUnchanged', 'newPassword');
      }
      const attempt = { username: actor.username, address: context.address };
      const retryAfterMs = await loginRateLimit.retryAfterMs(attempt);
      if (retryAfterMs > 0) return { retryAfterMs };

      const candidate = await findLoginCandidate(db, actor.username);
      if (candidate?.id !== actor.id) throw reject.notFound('personNotFound');
      const checkedHash = candidate.passwordHash;
      if (!(await verifyPassword(request.currentPassword, checkedHash))) {
        throw await refuseWrongPassword(actor, context);
      }
      // Hashed outside the transaction: scrypt is slow on purpose.
      const newHash = await hashPassword(request.newPassword);
      const changed = await db.transaction(async (tx) => {
        // Another change got in between: the password checked is no longer the current one.
        if ((await lockPasswordHash(tx, actor.id)) !== checkedHash) return false;
        await setPasswordHash(tx, actor.id, newHash, { activate: false });
        const tokenHash = hashToken(context.token);
        const familyId = await findSessionFamily(tx, tokenHash);
        await lockOtherRefreshTokens(tx, actor.id, familyId);
        const endedFamilies = await deleteOtherRefreshTokens(tx, actor.id, familyId);
        await deleteOtherSessions(tx, actor.id, { familyId, tokenHash });
        await appendAudit(tx, {
          userId: actor.id,
          deviceId: context.deviceId,
          action: 'password_changed',
          detail: { endedFamilies },
        });
        return true;
      });
      if (!changed) throw await refuseWrongPassword(actor, context);
      await loginRateLimit.recordSuccess(attempt);
      return null;
    },
  };
}

export type PasswordChangeService = ReturnType<typeof createPasswordChangeService>;
