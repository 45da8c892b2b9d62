// The login form (or the lock screen's password field) bound to a session
// action, with every way it can fail turned into a message. networkMode 'always'
// makes react-query try even when the browser says offline, so the person gets
// the real reason instead of a silently paused mutation.
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { WrongPasswordError } from '../../crypto/data-key';
import { OnlineLoginRequiredError, WrongUnlockPasswordError } from '../../session/account-access';
import type { LoginRequest } from '../../shared/protocol';
import { HttpError, isRevoked, NetworkError } from '../../sync/api-client';
import { queryClient } from '../../ui/query-client';
import { useLoginForm } from './use-login-form';

export function loginErrorText(t: TFunction, error: unknown): string {
  if (error instanceof WrongUnlockPasswordError)
    return t('auth.wrongPassword', { count: error.attemptsLeft });
  if (error instanceof OnlineLoginRequiredError) return t('auth.onlineRequired');
  if (error instanceof WrongPasswordError) return t('auth.wrongPreviousPassword');
  if (error instanceof NetworkError) return t('auth.offline');
  if (isRevoked(error)) return t('auth.revoked');
  if (error instanceof HttpError && (error.status === 401 || error.status === 400)) {
    return t('auth.wrongCredentials');
  }
  if (error instanceof HttpError && error.status === 429) return t('auth.rateLimited');
  return t('auth.failed');
}

/**
 * The login form running `action` with a valid request; `error` is the failure
 * to show, if any, `failure` the error itself (for flows that continue, like a
 * changed password).
 */
export function useLogin<T>(
  initialUsername: string,
  action: (request: LoginRequest) => Promise<T>,
  onSuccess?: (result: T) => unknown,
) {
  const { t } = useTranslation();
  const mutation = useMutation({ mutationFn: action, networkMode: 'always', retry: false }, queryClient);
  const form = useLoginForm(initialUsername, (request) =>
    mutation.mutate(request, { onSuccess, onError: () => form.clearPassword() }),
  );
  return {
    form,
    pending: mutation.isPending,
    failure: mutation.error,
    error: mutation.isError ? loginErrorText(t, mutation.error) : null,
    reset: mutation.reset,
  };
}
