// English texts of the set-up and the invitation code (mirrors de-welcome.ts).
import type { deWelcome } from './de-welcome';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const enWelcome: Widen<typeof deWelcome> = {
  setup: {
    title: 'Set-up',
    intro:
      'Feldakte is still empty. With the set-up code the server showed when it started, create the organisation, its first team and your own access (administration).',
    code: 'Set-up code',
    codeHint: 'Printed by the server ("Einrichtungscode: …"); valid for 24 hours.',
    organisation: 'Name of the organisation',
    team: 'Name of the team',
    displayName: 'Your name',
    username: 'Username',
    password: 'Password',
    passwordHint:
      'At least 12 characters. A sentence of several words is easy to remember and hard to guess.',
    submit: 'Set up',
    submitting: 'Setting up …',
    offline: 'No connection to the server. The set-up needs a network.',
  },
  invitation: {
    link: 'Sign in with an invitation code',
    title: 'Sign in with an invitation code',
    intro:
      'You got the invitation code from your team lead or the administration. It works once: here you choose your own password, which you sign in with from then on.',
    username: 'Username',
    code: 'Invitation code',
    newPassword: 'New password',
    passwordHint: 'At least 12 characters.',
    repeat: 'Repeat password',
    submit: 'Set up access',
    submitting: 'Setting up access …',
    wrongCode: 'Username or invitation code is wrong – or the code has expired or was already used.',
    offline: 'No connection to the server. Setting up your access needs a network.',
    toLogin: 'Back to sign-in',
  },
};
