// One-time codes people copy from a screen or a console and type in elsewhere
// (the set-up code, invitations, password resets). 16 characters of an alphabet without look-alikes (no 0/O,
// no 1/I), in groups of four: "K7QM-3XPD-9RTW-H2NB", 80 random bits. Typed in,
// spaces, dashes and case do not matter (OneTimeCode in the protocol normalises
// them). Only a SHA-256 of the normalised code is stored: with 80 random bits
// nobody can try their way back from it, so a slow hash would add nothing.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { normalisedCode } from '../../shared/protocol';

/** 32 characters, so every random byte's low five bits pick one evenly. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const LENGTH = 16;
const GROUP = 4;

/** Invitation and reset codes are valid this long. */
export const CODE_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;

export function newOneTimeCode(): string {
  const chars = [...randomBytes(LENGTH)].map((byte) => ALPHABET[byte & 31]).join('');
  return chars.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? chars;
}

export function hashOneTimeCode(code: string): string {
  return createHash('sha256').update(normalisedCode(code)).digest('hex');
}

/** Whether the typed code is the one whose hash was stored (in constant time). */
export function codeMatches(typed: string, storedHash: string): boolean {
  const actual = Buffer.from(hashOneTimeCode(typed), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
