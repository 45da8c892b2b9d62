import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/components/fields';
import type { LoginForm } from './use-login-form';

export function PasswordField({ form }: { form: LoginForm }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('auth.password')}
      {...form.field('password')}
      error={form.errors.password}
      type="password"
      autoComplete="current-password"
    />
  );
}
