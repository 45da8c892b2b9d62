// The data key of one user's local database, and how it is kept.
//
// The data key is a random AES-GCM 256 key. It is stored only wrapped (AES-KW)
// by a key-encryption key derived from the user's password with PBKDF2-SHA-256;
// the wrapped key, salt and iteration count (a `Keyring`) are useless without the
// password and may be stored in the clear. Unwrapped, the data key is a
// non-extractable CryptoKey held in memory only: it can encrypt and decrypt but
// never be read out again.

/** At least what OWASP asks for PBKDF2-HMAC-SHA256 (2023). */
export const PBKDF2_ITERATIONS = 600_000;

const SALT_BYTES = 16;

/** What is stored per user: everything needed to unwrap the data key, given the password. */
export interface Keyring {
  /** Format version, so a stronger KDF can be added without guessing. */
  v: 1;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  /** The data key wrapped with AES-KW by the password-derived key. */
  wrappedKey: ArrayBuffer;
}

/** The password does not unwrap the data key (wrong password, or a keyring that was tampered with). */
export class WrongPasswordError extends Error {
  constructor() {
    super('Wrong password: the data key could not be unwrapped');
    this.name = 'WrongPasswordError';
  }
}

const DATA_KEY_ALGORITHM = { name: 'AES-GCM', length: 256 } as const;
const DATA_KEY_USAGES: KeyUsage[] = ['encrypt', 'decrypt'];

function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

async function deriveKeyEncryptionKey(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  if (iterations < PBKDF2_ITERATIONS)
    throw new Error(`PBKDF2 needs at least ${PBKDF2_ITERATIONS} iterations`);
  const material = await subtle().importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

async function wrap(dataKey: CryptoKey, password: string): Promise<{ keyring: Keyring; kek: CryptoKey }> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const kek = await deriveKeyEncryptionKey(password, salt, PBKDF2_ITERATIONS);
  const wrappedKey = await subtle().wrapKey('raw', dataKey, kek, 'AES-KW');
  return { keyring: { v: 1, kdf: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS, salt, wrappedKey }, kek };
}

async function unwrapWith(kek: CryptoKey, keyring: Keyring, extractable: boolean): Promise<CryptoKey> {
  try {
    return await subtle().unwrapKey(
      'raw',
      keyring.wrappedKey,
      kek,
      'AES-KW',
      DATA_KEY_ALGORITHM,
      extractable,
      DATA_KEY_USAGES,
    );
  } catch {
    // AES-KW checks integrity: another password (or a changed keyring) does not unwrap.
    throw new WrongPasswordError();
  }
}

async function unwrap(keyring: Keyring, password: string, extractable: boolean): Promise<CryptoKey> {
  if (keyring.v !== 1 || keyring.kdf !== 'PBKDF2-SHA-256') throw new Error('Unknown keyring format');
  const kek = await deriveKeyEncryptionKey(password, keyring.salt, keyring.iterations);
  return unwrapWith(kek, keyring, extractable);
}

/**
 * A new random data key for a user's first login on this device: the keyring to
 * store, and the key itself (non-extractable) to open the database with.
 */
export async function createKeyring(password: string): Promise<{ keyring: Keyring; dataKey: CryptoKey }> {
  // Extractable only for the moment it takes to wrap it; the caller gets the unwrapped, non-extractable copy.
  const exportable = await subtle().generateKey(DATA_KEY_ALGORITHM, true, DATA_KEY_USAGES);
  const { keyring, kek } = await wrap(exportable, password);
  const dataKey = await unwrapWith(kek, keyring, false);
  return { keyring, dataKey };
}

/** The data key (non-extractable) for the password; WrongPasswordError if it does not fit. */
export function unlockKeyring(keyring: Keyring, password: string): Promise<CryptoKey> {
  return unwrap(keyring, password, false);
}

/** After a password change: the same data key, wrapped by the new password (new salt). */
export async function rewrapKeyring(
  keyring: Keyring,
  oldPassword: string,
  newPassword: string,
): Promise<Keyring> {
  const exportable = await unwrap(keyring, oldPassword, true);
  return (await wrap(exportable, newPassword)).keyring;
}

/** A random non-extractable data key without a password (tests, and a database that is never reopened). */
export function generateDataKey(): Promise<CryptoKey> {
  return subtle().generateKey(DATA_KEY_ALGORITHM, false, DATA_KEY_USAGES);
}
