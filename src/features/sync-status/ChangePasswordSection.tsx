// "Passwort ändern" in the account area: online, the server takes the new
// password and this device's data key is wrapped by it (session/account-access.ts),
// so from now on the new one also unlocks this device offline.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { WrongPasswordError } from '../../crypto/data-key';
import { NetworkError } from '../../sync/api-client';
import { FormError, TextField } from '../../ui/components';
import { useMessageResolver } from '../../ui/forms/message-resolver';
import { sayError } from '../../ui/forms/say-message';
import { showServerFieldError } from '../../ui/forms/server-field-error';
import { useSessionControl } from '../../ui/session';
import { emptyPasswordChangeForm, PasswordChangeForm } from './password-change-form';

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordSection() {
  const { t } = useTranslation();
  const { changePassword } = useSessionControl();
  const form = useForm({
    resolver: useMessageResolver(PasswordChangeForm),
    defaultValues: emptyPasswordChangeForm(),
  });
  const { errors, isSubmitting } = form.formState;
  const [done, setDone] = useState(false);

  const submit = form.handleSubmit(async ({ repeat: _repeat, ...request }) => {
    setDone(false);
    try {
      await changePassword(request);
      form.reset(emptyPasswordChangeForm());
      setDone(true);
    } catch (error) {
      if (error instanceof WrongPasswordError) {
        form.setError(
          'currentPassword',
          { message: t('passwordChange.wrongCurrent') },
          { shouldFocus: true },
        );
      } else if (!showServerFieldError(t, error, FIELDS, form.setError)) {
        const message = error instanceof NetworkError ? t('passwordChange.offline') : sayError(t, error);
        form.setError('root', { message: t('passwordChange.failed', { message }) });
      }
    }
  });

  return (
    <section className="card" aria-labelledby="password-change-title">
      <h2 id="password-change-title">{t('passwordChange.heading')}</h2>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('passwordChange.current')}
          registration={form.register('currentPassword')}
          error={errors.currentPassword?.message}
          type="password"
          autoComplete="current-password"
        />
        <TextField
          label={t('passwordChange.new')}
          hint={t('passwordChange.hint')}
          registration={form.register('newPassword')}
          error={errors.newPassword?.message}
          type="password"
          autoComplete="new-password"
        />
        <TextField
          label={t('passwordChange.repeat')}
          registration={form.register('repeat')}
          error={errors.repeat?.message}
          type="password"
          autoComplete="new-password"
        />
        <FormError message={errors.root?.message ?? null} />
        {done && (
          <p className="muted" role="status">
            {t('passwordChange.done')}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {t(isSubmitting ? 'passwordChange.submitting' : 'passwordChange.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
