import type { z } from 'zod';
import { NoteFields } from '../../shared/records';

/** What the worker types; the case comes from the route and review is the lead's business. */
export const NoteFormFields = NoteFields.omit({ caseId: true, reviewedAt: true });
export type NoteFormInput = z.input<typeof NoteFormFields>;
export type NoteFormOutput = z.output<typeof NoteFormFields>;
