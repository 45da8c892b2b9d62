// How a failed run shows in the status: no connection -> 'offline' (quietly
// retried by the triggers), 401 -> 'unauthorized' (the UI asks for the
// password), 426 -> 'upgrade_required' (the app must update), anything else ->
// 'error' with a message; 401 'revoked' -> 'revoked' (a lead revoked the device
// or user; the session wipes the local data). The message is kept with its key
// (shared/messages.ts SaidMessage), so the UI says it in its language.
import { saidMessageOf } from '../shared/messages';
import { HttpError, isLoginExpired, isRevoked, NetworkError } from './api-client';
import type { SyncPhase, SyncState } from './status-store';

/** Phases only a person can end (password, app update): automatic triggers wait for syncNow(). */
const BLOCKED_PHASES: readonly SyncPhase[] = ['unauthorized', 'upgrade_required', 'revoked'];

export function isBlockedPhase(phase: SyncPhase): boolean {
  return BLOCKED_PHASES.includes(phase);
}

export function failureState(error: unknown): Partial<SyncState> {
  if (error instanceof NetworkError) return { phase: 'offline' };
  if (isRevoked(error)) return { phase: 'revoked', lastError: saidMessageOf(error) };
  if (isLoginExpired(error)) return { phase: 'unauthorized', lastError: saidMessageOf(error) };
  if (error instanceof HttpError && error.status === 426) {
    return { phase: 'upgrade_required', lastError: saidMessageOf(error) };
  }
  return { phase: 'error', lastError: saidMessageOf(error) };
}
