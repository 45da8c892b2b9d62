import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from '../../src/shared/common-passwords';
import { passwordWeakness } from '../../src/shared/guessable-password';
import { ChangePasswordRequest, NewPassword, SetupRequest } from '../../src/shared/protocol';

describe('guessable passwords', () => {
  it('refuses common passwords, whatever their case', () => {
    for (const password of [
      'passwort1234',
      'PASSWORT1234',
      '123456789012',
      'qwertzuiop123',
      'IchLiebeDich',
    ]) {
      expect(passwordWeakness(password), password).toBe('passwordTooCommon');
    }
  });

  it('refuses every listed password of twelve or more characters', () => {
    const long = COMMON_PASSWORDS.filter((password) => password.length >= 12);
    expect(long.length).toBeGreaterThan(150);
    expect(long.filter((password) => passwordWeakness(password) === null)).toEqual([]);
  });

  it('refuses patterns: repetition, sequences and keyboard walks', () => {
    for (const password of [
      'aaaaaaaaaaaa',
      'abcabcabcabc',
      '121212121212',
      'abababababab',
      '098765432109',
      'abcdefghijklmn',
      'qwertzuiopüa',
      'äölkjhgfdsaüpoiu',
      'yxcvbnmasdfg',
      '1qay2wsx3edc4rfv',
      'mnbvcxyäölkjh',
    ]) {
      expect(passwordWeakness(password), password).toBe('passwordTooCommon');
    }
  });

  it('refuses common words with digits and punctuation around them', () => {
    for (const password of [
      'Passwort2024!',
      'P@ssw0rt2024!',
      '#Sommer.Sonne1',
      'Willkommen!!!',
      'hallohallo12',
      '2024Feldakte!',
      'Jugendamt2025',
    ]) {
      expect(passwordWeakness(password), password).toBe('passwordTooCommon');
    }
  });

  it('refuses a password that is little more than the username', () => {
    expect(passwordWeakness('anna.mueller2024', 'anna.mueller')).toBe('passwordContainsUsername');
    expect(passwordWeakness('Sozialpaedagoge!1', 'sozialpaedagoge')).toBe('passwordContainsUsername');
    expect(passwordWeakness('12tomtom34tom!', 'tom')).toBe('passwordContainsUsername');
    // The name inside a real sentence is fine; "tom" inside a word is not the name.
    expect(passwordWeakness('tom fährt gern Rad am Rhein', 'tom')).toBeNull();
    expect(passwordWeakness('Atomkraftwerk-Leuchtturm', 'tom')).toBeNull();
  });

  it('accepts passwords that are not guessable from lists or patterns', () => {
    for (const password of [
      'Leuchtturm Kiesel 47',
      'korrekt-Pferd-Batterie-Heftklammer',
      'r8#Kq2!vLp9z',
      'Zwei Katzen schlafen im Regal',
    ]) {
      expect(passwordWeakness(password), password).toBeNull();
    }
  });

  it('is part of the protocol: NewPassword and the requests that name a username say why', () => {
    const common = NewPassword.safeParse('Passwort2024!');
    expect(common.error?.issues[0]?.message).toBe('passwordTooCommon');
    const short = NewPassword.safeParse('kurz');
    expect(short.error?.issues[0]?.message).toBe('passwordTooShort');
    const setup = SetupRequest.safeParse({
      setupCode: 'ABCD-EFGH',
      organisationName: 'Träger',
      teamName: 'Team',
      displayName: 'Erika Muster',
      username: 'erika.muster',
      password: 'erika.muster-1234',
    });
    expect(setup.error?.issues[0]).toMatchObject({ message: 'passwordContainsUsername', path: ['password'] });
    const change = ChangePasswordRequest.safeParse({ currentPassword: 'x', newPassword: 'qwertzuiop123' });
    expect(change.error?.issues[0]).toMatchObject({ message: 'passwordTooCommon', path: ['newPassword'] });
  });
});
