// Live events (GET /api/events, text/event-stream).
import { z } from 'zod';
import { Id, Timestamp } from '../fields';

/**
 * Server-sent events, read with fetch (the Bearer token goes in a header, which
 * EventSource cannot send). Every event's `data` is one JSON LiveEvent; the SSE
 * `event:` name equals its `type`. Events carry ids only, never case content: the
 * device pulls to get the records, through the normal visibility rules.
 *   changes: something the user may see changed; pull now.
 *   concern: a note with a § 8a concern was written (sent to the team's leads only).
 * A comment line (": keep-alive") is sent every 25 s so proxies keep the stream open.
 */
export const LiveEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('changes') }),
  z.object({
    type: z.literal('concern'),
    noteId: Id,
    caseId: Id,
    authorId: Id,
    at: Timestamp,
  }),
]);
export type LiveEvent = z.infer<typeof LiveEvent>;
