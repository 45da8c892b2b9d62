// Shown when the server no longer accepts the stored token. Only the password is
// asked for; the local database stays as it is, so nothing unsynced is lost, and
// renewToken() syncs at once, which resumes the paused engine.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/components/basics';
import { useSession, useSessionControl, useSyncState } from '../../ui/session';
import { PlainField } from './PlainField';
import { loginErrorKey, useLoginMutation } from './use-login';
import { useLoginForm } from './use-login-form';

export function ReloginPrompt() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { renewToken } = useSessionControl();
  const { pendingCount } = useSyncState();
  const login = useLoginMutation();
  const [otherUser, setOtherUser] = useState(false);
  const form = useLoginForm(user.username, (request) =>
    login.mutate(request, {
      onSuccess: async (response) => {
        const sameUser = response.user.id === user.id;
        setOtherUser(!sameUser);
        if (sameUser) await renewToken(response);
      },
    }),
  );

  const error = otherUser ? t('auth.otherUser') : login.isError ? t(loginErrorKey(login.error)) : null;
  return (
    <aside className="card notice notice-warning relogin" aria-labelledby="relogin-title">
      <h2 id="relogin-title">{t('auth.reloginTitle')}</h2>
      <p>{t('auth.reloginText', { username: user.username })}</p>
      {pendingCount > 0 && <p>{t('sync.outboxKept', { count: pendingCount })}</p>}
      <form onSubmit={form.onSubmit} noValidate>
        <PlainField
          label={t('auth.password')}
          {...form.field('password')}
          error={form.errors.password}
          type="password"
          autoComplete="current-password"
        />
        <FormError message={error} />
        <button type="submit" className="button button-primary" disabled={login.isPending}>
          {t('auth.reloginSubmit')}
        </button>
      </form>
    </aside>
  );
}
