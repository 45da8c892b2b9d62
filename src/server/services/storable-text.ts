// Text PostgreSQL cannot store: the NUL character (text and jsonb refuse it) and
// unpaired UTF-16 surrogates (no UTF-8 form; jsonb refuses their escapes). JSON
// can carry both, so input is checked before it reaches the database and the
// problem is named instead of failing the write.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NUL = String.fromCharCode(0);

function isUnstorable(text: string): boolean {
  return text.includes(NUL) || LONE_SURROGATE.test(text);
}

export function isUnstorableValue(value: unknown): boolean {
  return typeof value === 'string' && isUnstorable(value);
}

/**
 * The first field of a validated, flat record (mutation data, login) whose text
 * cannot be stored, or null. Flat on purpose: nested input never gets this far
 * (the schemas refuse it), and a recursive walk over hostile nesting would blow the stack.
 */
export function findUnstorableField(fields: Readonly<Record<string, unknown>>): string | null {
  return Object.entries(fields).find(([, value]) => isUnstorableValue(value))?.[0] ?? null;
}
