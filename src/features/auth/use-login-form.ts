// The login form's state and validation with the shared LoginRequest schema.
// Kept free of react-hook-form on purpose: the login is a first screen, and two
// fields do not justify 13 KB gzip more of it.
import { type FormEvent, useState } from 'react';
import { LoginRequest } from '../../shared/protocol';
import { useSayMessage } from '../../ui/forms/say-message';

type LoginFieldErrors = Partial<Record<keyof LoginRequest, string>>;

export function useLoginForm(initialUsername: string, onValid: (request: LoginRequest) => void) {
  const [values, setValues] = useState<LoginRequest>({ username: initialUsername, password: '' });
  const [errors, setErrors] = useState<LoginFieldErrors>({});
  const say = useSayMessage();

  function field(name: keyof LoginRequest) {
    return {
      name,
      value: values[name],
      onChange: (event: { target: { value: string } }) =>
        setValues((current) => ({ ...current, [name]: event.target.value })),
    };
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = LoginRequest.safeParse(values);
    if (parsed.success) {
      setErrors({});
      onValid(parsed.data);
      return;
    }
    const next: LoginFieldErrors = {};
    for (const issue of parsed.error.issues) {
      const name = issue.path[0];
      if ((name === 'username' || name === 'password') && !next[name]) next[name] = say.issue(issue);
    }
    setErrors(next);
  }

  /** After a failed attempt: the next try starts from an empty password field. */
  function clearPassword() {
    setValues((current) => ({ ...current, password: '' }));
  }

  return { field, errors, onSubmit, clearPassword };
}

export type LoginForm = ReturnType<typeof useLoginForm>;
