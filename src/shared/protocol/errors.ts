// The body of every non-2xx answer, and the coded message answers carry.
import { z } from 'zod';

/**
 * The message as a key of shared/messages.ts with its parameters, for the UI to
 * say in its language; `message` stays the German text. Optional: older servers
 * do not send it, and a key this app does not know falls back to `message`.
 */
export const CodedMessage = {
  messageKey: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
};

export const ErrorCode = z.enum([
  'invalid',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'upgrade_required',
  'rate_limited',
  'payload_too_large',
  'internal',
  /** The session, device or user was revoked by a lead: the app wipes its local data. */
  'revoked',
]);

/** Body of every non-2xx answer. `field` names the offending field, e.g. "mutations.3.data.text". */
export const ApiError = z.object({
  error: z.object({ code: ErrorCode, message: z.string(), field: z.string().nullable(), ...CodedMessage }),
});
export type ApiError = z.infer<typeof ApiError>;
