// A mutation's data as the server accepts it: validated by the shared schema of
// its entity and op, and storable by PostgreSQL - or refused with the field named.
import { type Mutation, mutationDataSchema } from '../../../shared/protocol';
import { describeZodError } from '../../../shared/validation';
import { type Refusal, reject } from '../refusal';
import { findUnstorableField } from '../storable-text';

export function parseData(mutation: Mutation): Record<string, unknown> {
  const parsed = mutationDataSchema(mutation.entity, mutation.op).safeParse(mutation.data);
  if (!parsed.success) {
    throw reject.problem(describeZodError(parsed.error));
  }
  const unstorable = findUnstorableField(parsed.data);
  if (unstorable !== null) throw reject.invalid('unstorableText', unstorable);
  return parsed.data;
}

/**
 * A value the database refused although it passed validation (e.g. 30 February,
 * which a lenient date check lets through). Named by the field holding the value
 * PostgreSQL quotes in its message, when there is one.
 */
export function storageRejection(error: unknown, mutation: Mutation): Refusal {
  const detail = error instanceof Error ? error.message : '';
  const quoted = /"([^"]*)"/.exec(detail)?.[1];
  const fields: [string, unknown][] = [...Object.entries(mutation.data), ['clientTime', mutation.clientTime]];
  const field = quoted === undefined ? undefined : fields.find(([, value]) => value === quoted)?.[0];
  return field ? reject.invalid('unstorableValue', field) : reject.invalid('someValueUnstorable');
}
