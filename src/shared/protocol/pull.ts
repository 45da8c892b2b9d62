// Pull: the device sends the opaque cursor of its last pull and receives the
// records visible to it that changed since, in commit order, in batches, plus a
// new cursor. `hasMore` says to pull again at once.
import { z } from 'zod';
import { Id, says } from '../fields';
import { MemberRecord, recordSchemaOf, SyncedEntity } from '../records';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT } from './version';

/** Cursor is opaque to the device: a decimal string, "0" for the first pull. */
export const Cursor = z.string().regex(/^\d{1,19}$/, says('notCursor'));

export const PullQuery = z.object({
  cursor: Cursor.default('0'),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});
export type PullQuery = z.infer<typeof PullQuery>;

export const Change = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('case'), record: recordSchemaOf.case }),
  z.object({ entity: z.literal('note'), record: recordSchemaOf.note }),
  z.object({ entity: z.literal('appointment'), record: recordSchemaOf.appointment }),
  z.object({ entity: z.literal('preConsultation'), record: recordSchemaOf.preConsultation }),
  z.object({ entity: z.literal('substitution'), record: recordSchemaOf.substitution }),
  z.object({ entity: z.literal('goal'), record: recordSchemaOf.goal }),
  z.object({ entity: z.literal('comment'), record: recordSchemaOf.comment }),
  z.object({ entity: z.literal('partner'), record: recordSchemaOf.partner }),
  z.object({ entity: z.literal('member'), record: MemberRecord }),
]);
export type Change = z.infer<typeof Change>;

export const Removal = z.object({ entity: SyncedEntity, id: Id });
export type Removal = z.infer<typeof Removal>;

export const PullResponse = z.object({
  cursor: Cursor,
  hasMore: z.boolean(),
  changes: z.array(Change),
  /**
   * Records that were deleted or left this user's scope (case reassigned, substitution
   * ended). A removed case takes its notes and appointments with it. The device
   * pushes its pending edits of a removed record before it drops it.
   */
  removed: z.array(Removal),
});
export type PullResponse = z.infer<typeof PullResponse>;
