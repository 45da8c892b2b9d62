// Login is the one thing that must talk to the server; networkMode 'always' makes
// react-query try even when the browser says offline, so the user gets the real
// reason (a NetworkError) instead of a silently paused mutation.
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getDeviceId } from '../../db/device-store';
import type { LoginRequest, LoginResponse } from '../../shared/protocol';
// The client module itself, not the sync index: the login screen needs no sync engine.
import { createApiClient, HttpError, NetworkError } from '../../sync/api-client';
import { queryClient } from '../../ui/query-client';
import { useLoginForm } from './use-login-form';

async function login(request: LoginRequest): Promise<LoginResponse> {
  const deviceId = await getDeviceId();
  return createApiClient({ deviceId, getToken: () => null }).login(request);
}

function useLoginMutation() {
  return useMutation({ mutationFn: login, networkMode: 'always', retry: false }, queryClient);
}

type LoginErrorKey = 'auth.wrongCredentials' | 'auth.offline' | 'auth.rateLimited' | 'auth.failed';

function loginErrorKey(error: unknown): LoginErrorKey {
  if (error instanceof NetworkError) return 'auth.offline';
  if (error instanceof HttpError && (error.status === 401 || error.status === 400)) {
    return 'auth.wrongCredentials';
  }
  if (error instanceof HttpError && error.status === 429) return 'auth.rateLimited';
  return 'auth.failed';
}

/** The login form, sending a valid request to the server; `error` is the failure to show, if any. */
export function useLogin(initialUsername: string, onSuccess: (response: LoginResponse) => unknown) {
  const { t } = useTranslation();
  const login = useLoginMutation();
  const form = useLoginForm(initialUsername, (request) => login.mutate(request, { onSuccess }));
  return {
    form,
    pending: login.isPending,
    error: login.isError ? t(loginErrorKey(login.error)) : null,
  };
}
