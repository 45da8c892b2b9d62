// A mutation's data as the server accepts it: validated by the shared schema of
// its entity and op, and storable by PostgreSQL - or refused with the field named.
import { type Mutation, mutationDataSchema } from '../../../shared/protocol';
import { describeZodError } from '../../../shared/validation';
import { type MutationRejected, reject } from '../rejection';
import { findUnstorableField, UNSTORABLE_TEXT_MESSAGE } from '../storable-text';

export function parseData(mutation: Mutation): Record<string, unknown> {
  const parsed = mutationDataSchema(mutation.entity, mutation.op).safeParse(mutation.data);
  if (!parsed.success) {
    const problem = describeZodError(parsed.error);
    throw reject.invalid(problem.message, problem.field);
  }
  const unstorable = findUnstorableField(parsed.data);
  if (unstorable !== null) throw reject.invalid(`${unstorable}: ${UNSTORABLE_TEXT_MESSAGE}`, unstorable);
  return parsed.data;
}

/**
 * A value the database refused although it passed validation (e.g. 30 February,
 * which a lenient date check lets through). Named by the field holding the value
 * PostgreSQL quotes in its message, when there is one.
 */
export function storageRejection(error: unknown, mutation: Mutation): MutationRejected {
  const detail = error instanceof Error ? error.message : '';
  const quoted = /"([^"]*)"/.exec(detail)?.[1];
  const fields: [string, unknown][] = [...Object.entries(mutation.data), ['clientTime', mutation.clientTime]];
  const field = quoted === undefined ? undefined : fields.find(([, value]) => value === quoted)?.[0];
  const message = 'ist ein Wert, der nicht gespeichert werden kann (z. B. ein Datum, das es nicht gibt)';
  return reject.invalid(field ? `${field}: ${message}` : `Ein Wert ${message}`, field ?? null);
}
