// AES-GCM sealing of JSON-like values with the data key. Every seal has its own
// random 96-bit IV; the additional data binds a sealed value to where it is
// stored (table and record key), so a blob moved to another record fails to open.

/** What is stored instead of the secret part of a value. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  ct: ArrayBuffer;
}

/** The sealed value was changed, belongs elsewhere, or the key is not the one it was sealed with. */
export class UnsealError extends Error {
  constructor(where: string) {
    super(`Stored data could not be decrypted (${where}): wrong key or tampered data`);
    this.name = 'UnsealError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function isSealed(value: unknown): value is Sealed {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Sealed).iv instanceof Uint8Array &&
    (value as Sealed).ct instanceof ArrayBuffer
  );
}

export async function seal(key: CryptoKey, value: unknown, where: string): Promise<Sealed> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ct = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(where) },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  return { iv, ct };
}

export async function unseal(key: CryptoKey, sealed: Sealed, where: string): Promise<unknown> {
  let plain: ArrayBuffer;
  try {
    plain = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(where) },
      key,
      sealed.ct,
    );
  } catch {
    throw new UnsealError(where);
  }
  return JSON.parse(decoder.decode(plain));
}
