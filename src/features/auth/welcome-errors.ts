// What the set-up and the invitation screens say when the server does not let
// the person in. The refusals the server words itself (a code that is no longer
// valid, a password too common) are said in the UI's language by their key.
import type { TFunction } from 'i18next';
import { HttpError, isRevoked, NetworkError } from '../../sync/api-client';
import { sayError } from '../../ui/forms/say-message';

export function setupErrorText(t: TFunction, error: unknown): string {
  if (error instanceof NetworkError) return t('setup.offline');
  if (error instanceof HttpError && error.status === 429) return t('auth.rateLimited');
  return sayError(t, error);
}

export function invitationErrorText(t: TFunction, error: unknown): string {
  if (error instanceof NetworkError) return t('invitation.offline');
  if (isRevoked(error)) return sayError(t, error);
  if (error instanceof HttpError && error.status === 401) return t('invitation.wrongCode');
  if (error instanceof HttpError && error.status === 429) return t('auth.rateLimited');
  return sayError(t, error);
}
