import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/components/basics';
import { useSessionControl } from '../../ui/session';
import { PlainField } from './PlainField';
import { loginErrorKey, useLoginMutation } from './use-login';
import { useLoginForm } from './use-login-form';

export function LoginPage() {
  const { t } = useTranslation();
  const { signIn } = useSessionControl();
  const login = useLoginMutation();
  const form = useLoginForm('', (request) =>
    login.mutate(request, { onSuccess: (response) => signIn(response) }),
  );

  return (
    <main id="main" className="login-page">
      <div className="login-card card">
        <p className="login-brand">{t('app.name')}</p>
        <h1>{t('auth.title')}</h1>
        <p className="muted">{t('auth.intro')}</p>
        <form onSubmit={form.onSubmit} noValidate>
          <PlainField
            label={t('auth.username')}
            {...form.field('username')}
            error={form.errors.username}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
          />
          <PlainField
            label={t('auth.password')}
            {...form.field('password')}
            error={form.errors.password}
            type="password"
            autoComplete="current-password"
          />
          <FormError message={login.isError ? t(loginErrorKey(login.error)) : null} />
          <button type="submit" className="button button-primary button-wide" disabled={login.isPending}>
            {t('auth.submit')}
          </button>
          {login.isPending && (
            <p className="muted" role="status">
              {t('auth.submitting')}
            </p>
          )}
        </form>
      </div>
    </main>
  );
}
