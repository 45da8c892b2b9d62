// Shown when the server no longer accepts the session (the refresh token ran out
// too). Only the password is asked for; the local database stays as it is, so
// nothing unsynced is lost, and renewSession() syncs at once, which resumes the
// paused engine.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/components/basics';
import { useSession, useSessionControl, useSyncState } from '../../ui/session';
import { PasswordField } from './PasswordField';
import { useLogin } from './use-login';

export function ReloginPrompt() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { renewSession } = useSessionControl();
  const { pendingCount } = useSyncState();
  const [otherUser, setOtherUser] = useState(false);
  const { form, pending, error } = useLogin(user.username, renewSession, (outcome) =>
    setOtherUser(outcome === 'otherUser'),
  );

  return (
    <aside className="card notice notice-warning relogin" aria-labelledby="relogin-title">
      <h2 id="relogin-title">{t('auth.reloginTitle')}</h2>
      <p>{t('auth.reloginText', { username: user.username })}</p>
      {pendingCount > 0 && <p>{t('sync.outboxKept', { count: pendingCount })}</p>}
      <form onSubmit={form.onSubmit} noValidate>
        <PasswordField form={form} />
        <FormError message={otherUser ? t('auth.otherUser') : error} />
        <button type="submit" className="button button-primary" disabled={pending}>
          {t('auth.reloginSubmit')}
        </button>
      </form>
    </aside>
  );
}
