// "Einrichtung": the first screen of an empty installation. The code the server
// printed at its start creates the organisation, its first team and the first
// person (Administration), who is then signed in on this device like by a login.
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/components/basics';
import { TextField } from '../../ui/components/fields';
import { useMessageResolver } from '../../ui/forms/message-resolver';
import { showServerFieldError } from '../../ui/forms/server-field-error';
import { useSessionControl } from '../../ui/session';
import { LoginCard } from './LoginPage';
import { emptySetupForm, SetupForm } from './setup-form';
import { setupErrorText } from './welcome-errors';

const FIELDS = ['setupCode', 'organisationName', 'teamName', 'displayName', 'username', 'password'] as const;

export function SetupPage() {
  const { t } = useTranslation();
  const { setUp } = useSessionControl();
  const form = useForm({ resolver: useMessageResolver(SetupForm), defaultValues: emptySetupForm() });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (request) => {
    try {
      await setUp(request);
    } catch (error) {
      if (!showServerFieldError(t, error, FIELDS, form.setError)) {
        form.setError('root', { message: setupErrorText(t, error) });
      }
    }
  });

  return (
    <LoginCard>
      <h1>{t('setup.title')}</h1>
      <p className="muted">{t('setup.intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('setup.code')}
          hint={t('setup.codeHint')}
          registration={form.register('setupCode')}
          error={errors.setupCode?.message}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <TextField
          label={t('setup.organisation')}
          registration={form.register('organisationName')}
          error={errors.organisationName?.message}
          autoComplete="organization"
        />
        <TextField
          label={t('setup.team')}
          registration={form.register('teamName')}
          error={errors.teamName?.message}
          autoComplete="off"
        />
        <TextField
          label={t('setup.displayName')}
          registration={form.register('displayName')}
          error={errors.displayName?.message}
          autoComplete="name"
        />
        <TextField
          label={t('setup.username')}
          registration={form.register('username')}
          error={errors.username?.message}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          label={t('setup.password')}
          hint={t('setup.passwordHint')}
          registration={form.register('password')}
          error={errors.password?.message}
          type="password"
          autoComplete="new-password"
        />
        <FormError message={errors.root?.message ?? null} />
        <button type="submit" className="button button-primary button-wide" disabled={isSubmitting}>
          {t('setup.submit')}
        </button>
        {isSubmitting && (
          <p className="muted" role="status">
            {t('setup.submitting')}
          </p>
        )}
      </form>
    </LoginCard>
  );
}
