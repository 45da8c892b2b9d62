import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/components/basics';
import { TextField } from '../../ui/components/fields';
import { useSessionControl } from '../../ui/session';
import { PasswordField } from './PasswordField';
import { useLogin } from './use-login';

export function LoginPage() {
  const { t } = useTranslation();
  const { signIn } = useSessionControl();
  const { form, pending, error } = useLogin('', (response) => signIn(response));

  return (
    <main id="main" className="login-page">
      <div className="login-card card">
        <p className="login-brand">{t('app.name')}</p>
        <h1>{t('auth.title')}</h1>
        <p className="muted">{t('auth.intro')}</p>
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
          <FormError message={error} />
          <button type="submit" className="button button-primary button-wide" disabled={pending}>
            {t('auth.submit')}
          </button>
          {pending && (
            <p className="muted" role="status">
              {t('auth.submitting')}
            </p>
          )}
        </form>
      </div>
    </main>
  );
}
