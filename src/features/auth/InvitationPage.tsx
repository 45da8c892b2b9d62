// "Mit Einladungscode anmelden": a person invited (or whose password was reset)
// chooses their password with the one-time code and is signed in on this device
// as by a login. A reset on a device that still holds their data under the old
// password asks, like a login after a change elsewhere, whether to keep it.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PasswordChangedError } from '../../session/account-access';
import { FormError } from '../../ui/components/basics';
import { TextField } from '../../ui/components/fields';
import { useMessageResolver } from '../../ui/forms/message-resolver';
import { showServerFieldError } from '../../ui/forms/server-field-error';
import { useSessionControl } from '../../ui/session';
import { followWith } from './follow-link';
import { emptyInvitationForm, InvitationForm } from './invitation-form';
import { LoginCard } from './LoginPage';
import { PasswordChangedStep } from './PasswordChangedStep';
import { invitationErrorText } from './welcome-errors';

const FIELDS = ['username', 'code', 'password'] as const;

export function InvitationPage({ loginHref, onLogin }: { loginHref: string; onLogin: () => void }) {
  const { t } = useTranslation();
  const { redeemCode } = useSessionControl();
  const form = useForm({
    resolver: useMessageResolver(InvitationForm),
    defaultValues: emptyInvitationForm(),
  });
  const { errors, isSubmitting } = form.formState;
  const [changed, setChanged] = useState<PasswordChangedError | null>(null);

  const submit = form.handleSubmit(async ({ repeat: _repeat, ...request }) => {
    try {
      await redeemCode(request);
    } catch (error) {
      if (error instanceof PasswordChangedError) return setChanged(error);
      if (!showServerFieldError(t, error, FIELDS, form.setError)) {
        form.setError('root', { message: invitationErrorText(t, error) });
      }
    }
  });

  if (changed) {
    return (
      <LoginCard>
        {/* The code is used up: cancelling leads to the login with the new password. */}
        <PasswordChangedStep changed={changed} onCancel={onLogin} />
      </LoginCard>
    );
  }

  return (
    <LoginCard>
      <h1>{t('invitation.title')}</h1>
      <p className="muted">{t('invitation.intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('invitation.username')}
          registration={form.register('username')}
          error={errors.username?.message}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          label={t('invitation.code')}
          registration={form.register('code')}
          error={errors.code?.message}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <TextField
          label={t('invitation.newPassword')}
          hint={t('invitation.passwordHint')}
          registration={form.register('password')}
          error={errors.password?.message}
          type="password"
          autoComplete="new-password"
        />
        <TextField
          label={t('invitation.repeat')}
          registration={form.register('repeat')}
          error={errors.repeat?.message}
          type="password"
          autoComplete="new-password"
        />
        <FormError message={errors.root?.message ?? null} />
        <button type="submit" className="button button-primary button-wide" disabled={isSubmitting}>
          {t('invitation.submit')}
        </button>
        {isSubmitting && (
          <p className="muted" role="status">
            {t('invitation.submitting')}
          </p>
        )}
      </form>
      <div className="login-more">
        <a href={loginHref} className="button button-secondary button-wide" onClick={followWith(onLogin)}>
          {t('invitation.toLogin')}
        </a>
      </div>
    </LoginCard>
  );
}
