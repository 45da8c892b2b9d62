import type { z } from 'zod';
import { says } from '../../shared/fields';
import { NoteFields, noteHasContent } from '../../shared/records';

/**
 * What the worker types. The case and the visit come from the route, review and
 * § 8a acknowledgement are the lead's business. A note needs text or at least one
 * filled template section: the same rule the server applies (noteHasContent).
 */
export const NoteFormFields = NoteFields.omit({
  caseId: true,
  reviewedAt: true,
  appointmentId: true,
  concernAcknowledgedAt: true,
}).refine(noteHasContent, { ...says('noteWithoutContent'), path: ['text'] });
export type NoteFormOutput = z.output<typeof NoteFormFields>;
/** Every field filled: what the form holds. */
export type NoteFormValues = NoteFormOutput;

/** A draft's values over the form's start values, each only if it has the field's type (drafts are not validated). */
export function withDraftValues(initial: NoteFormValues, draft: Record<string, unknown>): NoteFormValues {
  const merged: Record<string, unknown> = { ...initial };
  for (const [field, value] of Object.entries(draft)) {
    const start = merged[field];
    if (!Object.hasOwn(merged, field)) continue;
    if (Array.isArray(start) ? Array.isArray(value) : typeof value === typeof start) merged[field] = value;
  }
  return merged as NoteFormValues;
}
