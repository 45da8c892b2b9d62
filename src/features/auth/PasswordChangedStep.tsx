// The server accepted a new password that does not open this device's data key
// (changed on another device): the previous password re-wraps the key, or the
// person lets the local data go and it comes again from the server.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordChangedError } from '../../session/account-access';
import { FormError } from '../../ui/components/basics';
import { TextField } from '../../ui/components/fields';
import { useSessionControl } from '../../ui/session';
import { loginErrorText } from './use-login';

export function PasswordChangedStep({
  changed,
  onCancel,
}: {
  changed: PasswordChangedError;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { finishPasswordChange } = useSessionControl();
  const [previous, setPrevious] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run(previousPassword: string | null) {
    setPending(true);
    setError(null);
    try {
      await finishPasswordChange(changed, previousPassword);
    } catch (failure) {
      setError(loginErrorText(t, failure));
      setPending(false);
    }
  }

  function keep(event: FormEvent) {
    event.preventDefault();
    if (previous) void run(previous);
  }

  return (
    <>
      <h1>{t('auth.passwordChangedTitle')}</h1>
      <p>{t('auth.passwordChangedText')}</p>
      <form onSubmit={keep} noValidate>
        <TextField
          label={t('auth.previousPassword')}
          name="previousPassword"
          type="password"
          autoComplete="off"
          value={previous}
          onChange={(event) => setPrevious(event.target.value)}
        />
        <FormError message={error} />
        <button type="submit" className="button button-primary button-wide" disabled={pending || !previous}>
          {t('auth.keepData')}
        </button>
      </form>
      <div className="login-more">
        <p className="muted">{t('auth.discardWarning')}</p>
        <button
          type="button"
          className="button button-danger button-wide"
          disabled={pending}
          onClick={() => void run(null)}
        >
          {t('auth.discardData')}
        </button>
        <button
          type="button"
          className="button button-secondary button-wide"
          disabled={pending}
          onClick={onCancel}
        >
          {t('app.cancel')}
        </button>
      </div>
    </>
  );
}
