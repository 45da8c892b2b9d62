// What a committed push tells the team's open event streams (GET /api/events).
// A mutation collects these while it is applied; the push publishes them inside
// the mutation's own transaction (pg_notify), so they go out on commit and never
// for a write that rolled back. Who receives one is decided by each instance's
// hub (live-hub.ts): `changes` every member of the team, `concern` its leads.
// The same schema reads them back from the channel (another instance sent them).
import { z } from 'zod';
import { Id, Timestamp } from '../../../shared/fields';
import type { LiveEvent } from '../../../shared/protocol';

export type ConcernEvent = Extract<LiveEvent, { type: 'concern' }>;

const ConcernEvent = z.object({
  type: z.literal('concern'),
  noteId: Id,
  caseId: Id,
  authorId: Id,
  at: Timestamp,
}) satisfies z.ZodType<ConcernEvent>;

export const TeamEvent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('changes'),
    teamId: Id,
    /** The device that pushed: it pulls after its push anyway. */
    originDeviceId: z.string().nullable(),
    originUserId: Id,
  }),
  z.object({ kind: z.literal('concern'), teamId: Id, event: ConcernEvent }),
]);
export type TeamEvent = z.infer<typeof TeamEvent>;
