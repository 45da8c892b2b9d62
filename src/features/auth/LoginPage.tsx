// First login on this device, another person's turn at a shared tablet, or the
// way back after logout or revocation (the notice says which).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordChangedError } from '../../session/account-access';
import { FormError } from '../../ui/components/basics';
import { TextField } from '../../ui/components/fields';
import { useSessionControl } from '../../ui/session';
import { followWith } from './follow-link';
import { PasswordChangedStep } from './PasswordChangedStep';
import { PasswordField } from './PasswordField';
import { useLogin } from './use-login';

/** `invitation`: where "Mit Einladungscode anmelden" leads. */
export function LoginPage({ invitation }: { invitation?: { href: string; go: () => void } }) {
  const { t } = useTranslation();
  const { signIn, gate } = useSessionControl();
  const { form, pending, error, failure } = useLogin('', signIn);
  const [dismissedChange, setDismissedChange] = useState<unknown>(null);
  const notice = gate.status === 'signedOut' ? gate.notice : null;

  if (failure instanceof PasswordChangedError && failure !== dismissedChange) {
    return (
      <LoginCard>
        <PasswordChangedStep changed={failure} onCancel={() => setDismissedChange(failure)} />
      </LoginCard>
    );
  }

  return (
    <LoginCard>
      <h1>{t('auth.title')}</h1>
      <p className="muted">{t('auth.intro')}</p>
      {notice && (
        <p className={`notice notice-inline ${notice === 'revoked' ? 'notice-danger' : ''}`} role="status">
          {t(notice === 'revoked' ? 'auth.revoked' : 'auth.signedOut')}
        </p>
      )}
      <form onSubmit={form.onSubmit} noValidate>
        <TextField
          label={t('auth.username')}
          {...form.field('username')}
          error={form.errors.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
        <PasswordField form={form} />
        <FormError message={failure instanceof PasswordChangedError ? null : error} />
        <button type="submit" className="button button-primary button-wide" disabled={pending}>
          {t('auth.submit')}
        </button>
        {pending && (
          <p className="muted" role="status">
            {t('auth.submitting')}
          </p>
        )}
      </form>
      {invitation && (
        <div className="login-more">
          <a
            href={invitation.href}
            className="button button-secondary button-wide"
            onClick={followWith(invitation.go)}
          >
            {t('invitation.link')}
          </a>
        </div>
      )}
    </LoginCard>
  );
}

/** The card the login, lock and password-change screens share. */
export function LoginCard({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="login-page">
      <div className="login-card card">
        <p className="login-brand">{t('app.name')}</p>
        {children}
      </div>
    </main>
  );
}
