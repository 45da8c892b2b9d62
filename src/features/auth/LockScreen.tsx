// Shown on every cold start and reload, after the team's inactivity limit, and
// after "Jetzt sperren": the data stays encrypted until the password opens the
// data key again (offline; after 5 wrong tries only with the server).
import { useTranslation } from 'react-i18next';
import { OnlineLoginRequiredError } from '../../session/account-access';
import type { SessionUser } from '../../shared/protocol';
import { NetworkError } from '../../sync/api-client';
import { FormError } from '../../ui/components/basics';
import { useSessionControl } from '../../ui/session';
import { LoginCard } from './LoginPage';
import { PasswordField } from './PasswordField';
import { useLogin } from './use-login';

export function LockScreen({
  user,
  onlineLoginRequired,
}: {
  user: SessionUser;
  onlineLoginRequired: boolean;
}) {
  const { t } = useTranslation();
  const { unlock, switchUser } = useSessionControl();
  const { form, pending, error, failure } = useLogin(user.username, ({ password }) => unlock(password));
  const message =
    onlineLoginRequired && failure instanceof NetworkError
      ? t('auth.onlineRequiredOffline')
      : failure instanceof OnlineLoginRequiredError
        ? null
        : error;

  return (
    <LoginCard>
      <h1>{t('auth.lockTitle')}</h1>
      <p>{t('auth.lockText', { name: user.displayName, team: user.teamName })}</p>
      {onlineLoginRequired && (
        <p className="notice notice-inline notice-warning" role="status">
          {t('auth.onlineRequired')}
        </p>
      )}
      <form onSubmit={form.onSubmit} noValidate>
        <PasswordField form={form} />
        <FormError message={message} />
        <button type="submit" className="button button-primary button-wide" disabled={pending}>
          {t('auth.unlock')}
        </button>
        {pending && (
          <p className="muted" role="status">
            {t('auth.unlocking')}
          </p>
        )}
      </form>
      <div className="login-more">
        <button
          type="button"
          className="button button-secondary button-wide"
          onClick={() => void switchUser()}
        >
          {t('auth.switchUser')}
        </button>
      </div>
    </LoginCard>
  );
}
