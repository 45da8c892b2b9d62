// GET /api/events: the live event stream (text/event-stream, LiveEvent in
// shared/protocol/events.ts), read with fetch and the Bearer header. Each event is
// "event: <type>" plus one JSON "data:" line; a ": keep-alive" comment every 25 s
// keeps proxies from closing an idle stream.
//
// Fastify answers a request once; a stream that stays open is written to the raw
// Node response after reply.hijack() (so Fastify's onSend hooks do not run: the
// headers they would set are set here). The stream is unregistered when the
// client goes away, and ended by the app's preClose hook, so an open stream never
// keeps the server from closing.
import type { FastifyInstance } from 'fastify';
import type { LiveEvent } from '../../../shared/protocol';
import type { Services } from '../../services';
import { isLeadOf } from '../../services/visibility';
import { authenticatedOf } from '../auth-hook';
import { deviceIdOf } from '../device-id';
import { securityHeaders } from '../security-headers';

/** The client reconnects after this long when the stream breaks (SSE `retry:`). */
const RETRY_MS = 5000;
/**
 * A stream ended because its person opened too many (live-hub.ts) asks its client
 * to wait longer: should it still be alive, it does not push out the newer one at once.
 */
const CROWDED_OUT_RETRY_MS = 60_000;

export function registerEventsRoute(app: FastifyInstance, services: Services): void {
  app.get('/api/events', async (request, reply) => {
    const { actor } = authenticatedOf(request);
    const deviceId = deviceIdOf(request);
    await services.audit({ userId: actor.id, deviceId, action: 'events', detail: {} });

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      ...securityHeaders(request),
      // nginx and similar proxies would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    raw.write(`retry: ${RETRY_MS}\n\n`);

    const unsubscribe = services.live.subscribe({
      userId: actor.id,
      teamId: actor.teamId,
      isLead: isLeadOf(actor, actor.teamId),
      deviceId,
      send(event: LiveEvent) {
        raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      },
      comment(text: string) {
        raw.write(`: ${text}\n\n`);
      },
      end(reason) {
        if (reason === 'crowdedOut') raw.write(`retry: ${CROWDED_OUT_RETRY_MS}\n\n`);
        raw.end();
      },
    });
    // The response closes when the client disconnects (or after end()).
    raw.on('close', unsubscribe);
  });
}
