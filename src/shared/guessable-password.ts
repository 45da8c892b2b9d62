// Whether a new password is one that guessers try first. The same check runs in
// the app's forms and on the server (NewPassword in protocol/people.ts), so a
// refusal is explained before anything is sent. Case never matters.
import { COMMON_PASSWORD_WORDS, COMMON_PASSWORDS } from './common-passwords';

const commonPasswords = new Set(COMMON_PASSWORDS);
const commonWords = new Set(COMMON_PASSWORD_WORDS);

/**
 * Rows and columns of German and English keyboards, the alphabet and the digits:
 * a password that is one stretch of these, forwards or backwards, is a walk.
 */
const WALKS = [
  '1234567890'.repeat(4),
  'abcdefghijklmnopqrstuvwxyz',
  'qwertzuiopüasdfghjklöäyxcvbnm',
  'qwertyuiopasdfghjklzxcvbnm',
  '^1234567890ß´',
  '!"§$%&/()=?',
  '!@#$%^&*()_+',
  '1qay2wsx3edc4rfv5tgb6zhn7ujm8ik,9ol.0pö-',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/',
  'qaywsxedcrfvtgbzhnujmik,ol.pö-',
  'qazwsxedcrfvtgbyhnujmik,ol.p;/',
];
const walks = [...WALKS, ...WALKS.map((walk) => [...walk].reverse().join(''))];

const isWalk = (piece: string) => walks.some((walk) => walk.includes(piece));

/** Walks joined up ("1234qwerasdf", "yxcvbnmasdfg"): at most three stretches of three or more. */
function isJoinedWalks(lower: string): boolean {
  const chars = [...lower];
  if (chars.length > 40) return false;
  // fewest[i]: the fewest stretches that make up the first i characters.
  const fewest: number[] = [0];
  for (let end = 1; end <= chars.length; end++) {
    let best = Number.POSITIVE_INFINITY;
    for (let start = 0; start <= end - 3; start++) {
      const before = fewest[start] ?? Number.POSITIVE_INFINITY;
      if (before + 1 < best && isWalk(chars.slice(start, end).join(''))) best = before + 1;
    }
    fewest.push(best);
  }
  return (fewest[chars.length] ?? Number.POSITIVE_INFINITY) <= 3;
}

/** Characters people put in for letters ("P@ssw0rt"). */
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

/** Longer passwords are nobody's common choice; the rules need not look at them. */
const LONGEST_CHECKED = 200;

const withoutSeparators = (value: string) => value.replace(/[\s._\-+*#/,;:|~]/g, '');

/** One or two common words, or one repeated ("sommersonne", "hallohallo"). */
function isWords(core: string): boolean {
  if (commonWords.has(core)) return true;
  for (let split = 1; split < core.length; split++) {
    if (commonWords.has(core.slice(0, split)) && commonWords.has(core.slice(split))) return true;
  }
  return false;
}

function isPattern(lower: string): boolean {
  if (commonPasswords.has(lower) || commonPasswords.has(withoutSeparators(lower))) return true;
  // Too few different characters: "aaaaaaaaaaaa", "abababababab", "111122221111".
  if (new Set(lower).size < 4) return true;
  // One piece repeated: "abcabcabcabc", "passwortpasswort".
  if (/^(.+?)\1+$/su.test(lower)) return true;
  if (isWalk(lower) || isJoinedWalks(lower)) return true;
  // Common words with digits and punctuation around them: "Passwort2024!", "#Sommer.Sonne1".
  const core = withoutSeparators(lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
  if (core.length === 0) return false;
  const unleet = [...core].map((char) => LEET[char] ?? char).join('');
  return isWords(core) || isWords(unleet);
}

/**
 * Why the password must not be chosen: a common password or an easy pattern
 * ('passwordTooCommon'), or little more than the username
 * ('passwordContainsUsername'); null when it may be.
 */
export function passwordWeakness(
  password: string,
  username?: string,
): 'passwordTooCommon' | 'passwordContainsUsername' | null {
  if (password.length > LONGEST_CHECKED) return null;
  const lower = password.normalize('NFC').toLocaleLowerCase('de');
  const name = username?.trim().normalize('NFC').toLocaleLowerCase('de') ?? '';
  if (name.length > 0 && lower.includes(name)) {
    const rest = lower.split(name).join('');
    // The name with digits, punctuation or another guessable piece around it.
    if (!/\p{L}/u.test(rest) || isPattern(rest)) return 'passwordContainsUsername';
  }
  return isPattern(lower) ? 'passwordTooCommon' : null;
}
