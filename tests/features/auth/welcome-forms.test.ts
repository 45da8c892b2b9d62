// The set-up, invitation and password-change forms check with the protocol's
// schemas, so they refuse what the server would (12 characters at least), and a
// mismatched repetition is said under "Passwort wiederholen". Refusals of the
// server reach the person as German sentences.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { InvitationForm } from '../../../src/features/auth/invitation-form';
import { SetupForm } from '../../../src/features/auth/setup-form';
import { invitationErrorText, setupErrorText } from '../../../src/features/auth/welcome-errors';
import { PasswordChangeForm } from '../../../src/features/sync-status/password-change-form';
import { deShell } from '../../../src/i18n';
import { messageOfIssue } from '../../../src/shared/validation';
import { HttpError, NetworkError } from '../../../src/sync/api-client';

/** Each field's first problem, as the form shows it (its message key). */
function problems(schema: z.ZodType, values: unknown): Record<string, string> {
  const parsed = schema.safeParse(values);
  const found: Record<string, string> = {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    found[issue.path.join('.')] ??= messageOfIssue(issue).key;
  }
  return found;
}

let t: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { de: { translation: deShell } },
    lng: 'de',
    interpolation: { escapeValue: false },
  });
  t = i18n.getFixedT('de');
});

describe('Einrichtung', () => {
  const valid = {
    setupCode: 'abcd-2345',
    organisationName: 'Jugendhilfe Nord e. V.',
    teamName: 'Team Mitte',
    displayName: 'Ada Admin',
    username: 'ada',
    password: 'ein langes Passwort',
  };

  it('takes a complete set-up, the code as people type it', () => {
    expect(SetupForm.parse(valid)).toEqual({ ...valid, setupCode: 'ABCD2345' });
  });

  it('asks for every field, a password of 12 characters and a username without spaces', () => {
    expect(
      problems(SetupForm, {
        ...valid,
        organisationName: ' ',
        teamName: '',
        password: 'kurz',
        username: 'a b',
      }),
    ).toEqual({
      organisationName: 'empty',
      teamName: 'empty',
      password: 'passwordTooShort',
      username: 'usernameCharacters',
    });
  });
});

describe('Mit Einladungscode anmelden', () => {
  const valid = {
    username: 'ben',
    code: 'x7k2 m9qp',
    password: 'ein langes Passwort',
    repeat: 'ein langes Passwort',
  };

  it('takes the code without spaces and the password typed twice', () => {
    expect(InvitationForm.parse(valid)).toEqual({ ...valid, code: 'X7K2M9QP' });
  });

  it('says a mismatched repetition under the repetition, even with other problems', () => {
    expect(problems(InvitationForm, { ...valid, repeat: 'ein langes Passwor' })).toEqual({
      repeat: 'passwordsDiffer',
    });
    expect(problems(InvitationForm, { ...valid, username: '', password: 'kurz', repeat: 'anders' })).toEqual({
      username: 'empty',
      password: 'passwordTooShort',
      repeat: 'passwordsDiffer',
    });
    expect(deShell.errors.passwordsDiffer).toBe('Die beiden Passwörter stimmen nicht überein');
  });

  it('says a wrong or used code, no connection and a blocked access plainly', () => {
    const wrong = new HttpError(401, { error: { code: 'unauthorized', message: 'x', field: null } });
    expect(invitationErrorText(t, wrong)).toBe(deShell.invitation.wrongCode);
    expect(invitationErrorText(t, new NetworkError({ key: 'serverUnreachable', params: {} }))).toBe(
      deShell.invitation.offline,
    );
    const revoked = new HttpError(401, {
      error: {
        code: 'revoked',
        message: 'Der Zugang wurde gesperrt',
        field: null,
        messageKey: 'accessRevoked',
      },
    });
    expect(invitationErrorText(t, revoked)).toBe('Der Zugang wurde gesperrt');
    const limited = new HttpError(429, { error: { code: 'rate_limited', message: 'x', field: null } });
    expect(invitationErrorText(t, limited)).toBe(deShell.auth.rateLimited);
  });

  it('says the set-up refusal by its key, or in the server words when the key is new', () => {
    const known = new HttpError(400, {
      error: { code: 'invalid', message: 'x', field: null, messageKey: 'tooManyLoginFailures' },
    });
    expect(setupErrorText(t, known)).toBe('Zu viele Fehlversuche. Bitte später erneut versuchen.');
    const newer = new HttpError(400, {
      error: {
        code: 'invalid',
        message: 'Der Einrichtungscode ist abgelaufen',
        field: null,
        messageKey: 'x',
      },
    });
    expect(setupErrorText(t, newer)).toBe('Der Einrichtungscode ist abgelaufen');
    expect(setupErrorText(t, new NetworkError({ key: 'serverUnreachable', params: {} }))).toBe(
      deShell.setup.offline,
    );
  });
});

describe('Passwort ändern', () => {
  it('needs the current password, a new one of 12 characters and the same again', () => {
    expect(
      PasswordChangeForm.parse({
        currentPassword: 'alt',
        newPassword: 'ein neues Passwort',
        repeat: 'ein neues Passwort',
      }),
    ).toMatchObject({ currentPassword: 'alt', newPassword: 'ein neues Passwort' });
    expect(
      problems(PasswordChangeForm, { currentPassword: '', newPassword: 'zu kurz', repeat: 'zu kurz!' }),
    ).toEqual({
      currentPassword: 'empty',
      newPassword: 'passwordTooShort',
      repeat: 'passwordsDiffer',
    });
  });
});
