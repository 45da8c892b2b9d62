// One-time codes (invitation, password reset) as people read them from a sheet
// and type them: 16 characters from 32 that cannot be mistaken for each other
// (no 0/O, no 1/I), in groups of four ("K7MR-2QXH-…"), 80 random bits. Typed codes
// are normalised by the protocol (OneTimeCode: spaces and dashes dropped, upper
// case); only the SHA-256 of the normalised code is stored.
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 16;
const GROUP = 4;

/** Invitation and reset codes are valid this long. */
export const CODE_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;

export function newOneTimeCode(): string {
  // 32 symbols: the low five bits of each random byte pick one without bias.
  const symbols = [...randomBytes(LENGTH)].map((byte) => ALPHABET[byte & 31]);
  const groups: string[] = [];
  for (let i = 0; i < LENGTH; i += GROUP) groups.push(symbols.slice(i, i + GROUP).join(''));
  return groups.join('-');
}

/** The stored form of a code: the SHA-256 of it as the protocol normalises it. */
export function hashOneTimeCode(code: string): string {
  const normalised = code.replace(/[\s-]/g, '').toUpperCase();
  return createHash('sha256').update(normalised).digest('hex');
}
