import { describe, expect, it } from 'vitest';
import {
  createKeyring,
  generateDataKey,
  PBKDF2_ITERATIONS,
  rewrapKeyring,
  unlockKeyring,
  WrongPasswordError,
} from '../../src/crypto/data-key';
import { seal, UnsealError, unseal } from '../../src/crypto/sealed';

const PASSWORD = 'Korrekt-Pferd-Batterie';

// PBKDF2 with 600,000 iterations takes a few hundred milliseconds per derivation.
const SLOW = 30_000;

describe('the data key', () => {
  it(
    'is random, wrapped by the password (PBKDF2-SHA-256, 600,000 iterations) and unlocks only with it',
    async () => {
      expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
      const { keyring, dataKey } = await createKeyring(PASSWORD);
      expect(keyring).toMatchObject({ v: 1, kdf: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS });
      expect(keyring.salt.byteLength).toBe(16);
      // AES-KW output of a 256-bit key: 40 bytes, never the key itself.
      expect(keyring.wrappedKey.byteLength).toBe(40);

      const sealed = await seal(dataKey, { text: 'Geheim' }, 'notes');
      const unlocked = await unlockKeyring(keyring, PASSWORD);
      expect(await unseal(unlocked, sealed, 'notes')).toEqual({ text: 'Geheim' });

      await expect(unlockKeyring(keyring, 'falsch')).rejects.toBeInstanceOf(WrongPasswordError);
      await expect(unlockKeyring(keyring, 'falsch')).rejects.toThrow(/Wrong password/);
    },
    SLOW,
  );

  it(
    'is held in memory as a non-extractable key',
    async () => {
      const { keyring, dataKey } = await createKeyring(PASSWORD);
      const unlocked = await unlockKeyring(keyring, PASSWORD);
      for (const key of [dataKey, unlocked, await generateDataKey()]) {
        expect(key.extractable).toBe(false);
        expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
        await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
      }
    },
    SLOW,
  );

  it(
    'keeps the same data key after a password change, and the old password no longer opens it',
    async () => {
      const { keyring, dataKey } = await createKeyring(PASSWORD);
      const sealed = await seal(dataKey, ['Lindenweg 3'], 'cases');

      const rewrapped = await rewrapKeyring(keyring, PASSWORD, 'neues Passwort');
      expect(new Uint8Array(rewrapped.salt)).not.toEqual(new Uint8Array(keyring.salt));

      const unlocked = await unlockKeyring(rewrapped, 'neues Passwort');
      expect(await unseal(unlocked, sealed, 'cases')).toEqual(['Lindenweg 3']);
      await expect(unlockKeyring(rewrapped, PASSWORD)).rejects.toBeInstanceOf(WrongPasswordError);
      await expect(rewrapKeyring(keyring, 'falsch', 'egal')).rejects.toBeInstanceOf(WrongPasswordError);
    },
    SLOW,
  );

  it(
    'refuses a keyring with fewer iterations than required',
    async () => {
      const { keyring } = await createKeyring(PASSWORD);
      await expect(unlockKeyring({ ...keyring, iterations: 1000 }, PASSWORD)).rejects.toThrow(/600000/);
    },
    SLOW,
  );
});

describe('sealed values', () => {
  it('round-trip, with a new IV each time', async () => {
    const key = await generateDataKey();
    const value = { familyName: 'Familie Berger', sections: ['a', 'b'], n: 3, flag: true, none: null };
    const first = await seal(key, value, 'cases\u0000"1"');
    const second = await seal(key, value, 'cases\u0000"1"');
    expect(first.iv).not.toEqual(second.iv);
    expect(new Uint8Array(first.ct)).not.toEqual(new Uint8Array(second.ct));
    expect(await unseal(key, first, 'cases\u0000"1"')).toEqual(value);
  });

  it('fail to open when tampered with, moved elsewhere, or opened with another key', async () => {
    const key = await generateDataKey();
    const sealed = await seal(key, { text: 'Geheim' }, 'notes\u0000"a"');

    const flipped = new Uint8Array(sealed.ct.slice(0));
    flipped[0] = (flipped[0] as number) ^ 1;
    await expect(unseal(key, { iv: sealed.iv, ct: flipped.buffer }, 'notes\u0000"a"')).rejects.toBeInstanceOf(
      UnsealError,
    );
    await expect(unseal(key, sealed, 'notes\u0000"b"')).rejects.toBeInstanceOf(UnsealError);
    await expect(unseal(await generateDataKey(), sealed, 'notes\u0000"a"')).rejects.toBeInstanceOf(
      UnsealError,
    );
  });
});
