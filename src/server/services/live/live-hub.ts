// Live events to the open event streams (GET /api/events), across every server
// instance on one database.
//
// A push publishes its events with pg_notify inside the mutation's transaction:
// PostgreSQL delivers a NOTIFY only when that transaction commits, so a rejected
// or rolled-back write never reaches anyone. Each instance LISTENs on one
// dedicated connection (PGlite: its own listen, same semantics) and fans what
// arrives out to its own subscribers: `changes` to every member of the team
// (coalesced per subscriber, so a burst of 100 mutations is one pull), `concern`
// to the team's leads at once. The channel is per schema, so instances (or test
// runs) in other schemas of the same database never hear each other.
//
// One person holds a few streams at most (one per browser, not per tab: a phone,
// a tablet, the office PC). Past maxStreamsPerUser on this instance the oldest of
// theirs is ended: it is the likeliest to be a dead one (a phone that changed
// networks leaves a half-open stream behind for minutes), and the person's
// newest device always gets through, where refusing new streams would lock out
// exactly the device in use.
import type { LiveEvent } from '../../../shared/protocol';
import type { Database, Queryable, Unlisten } from '../../db/database';
import { TeamEvent } from './team-event';

export interface Subscriber {
  userId: string;
  teamId: string;
  isLead: boolean;
  deviceId: string | null;
  send(event: LiveEvent): void;
  /** An SSE comment line (keep-alive). */
  comment(text: string): void;
  /**
   * Ends the stream: the server shuts down, a revocation, or 'crowdedOut' (the
   * person opened more streams than allowed, and this is their oldest).
   */
  end(reason?: 'crowdedOut'): void;
}

export interface LiveHubOptions {
  /** How long `changes` waits for more before it goes out (default 200 ms). */
  coalesceMs?: number;
  /** Interval of the keep-alive comment (default 25 s). */
  keepAliveMs?: number;
  /** Open streams per user on one instance (default 5); a new one past it ends their oldest. */
  maxStreamsPerUser?: number;
}

export const DEFAULT_MAX_STREAMS_PER_USER = 5;

interface Connection {
  subscriber: Subscriber;
  pendingChanges: NodeJS.Timeout | null;
}

export function createLiveHub(db: Database, options: LiveHubOptions = {}) {
  const coalesceMs = options.coalesceMs ?? 200;
  const keepAliveMs = options.keepAliveMs ?? 25_000;
  const maxStreamsPerUser = Math.max(1, options.maxStreamsPerUser ?? DEFAULT_MAX_STREAMS_PER_USER);
  const connections = new Set<Connection>();
  let channel: string | null = null;
  let unlisten: Unlisten | null = null;
  let keepAlive: NodeJS.Timeout | null = null;

  function sendChanges(connection: Connection): void {
    if (connection.pendingChanges) return;
    connection.pendingChanges = setTimeout(() => {
      connection.pendingChanges = null;
      if (connections.has(connection)) connection.subscriber.send({ type: 'changes' });
    }, coalesceMs);
    connection.pendingChanges.unref();
  }

  function deliver(event: TeamEvent): void {
    for (const connection of connections) {
      const { subscriber } = connection;
      if (subscriber.teamId !== event.teamId) continue;
      if (event.kind === 'concern') {
        if (subscriber.isLead) subscriber.send(event.event);
        continue;
      }
      // The pushing device pulls after its push anyway; the same user's other devices do not.
      const isOrigin =
        event.originDeviceId !== null &&
        subscriber.deviceId === event.originDeviceId &&
        subscriber.userId === event.originUserId;
      if (!isOrigin) sendChanges(connection);
    }
  }

  function onNotification(payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    const event = TeamEvent.safeParse(parsed);
    if (event.success) deliver(event.data);
  }

  function remove(connection: Connection): void {
    if (connection.pendingChanges) clearTimeout(connection.pendingChanges);
    connections.delete(connection);
  }

  function endWhere(match: (subscriber: Subscriber) => boolean): void {
    for (const connection of [...connections]) {
      if (!match(connection.subscriber)) continue;
      remove(connection);
      connection.subscriber.end();
    }
  }

  return {
    /** Starts listening; until then (and without it) publish is a no-op. */
    async start(): Promise<void> {
      if (unlisten) return;
      const rows = await db.query<{ channel: string }>(
        "SELECT 'feldakte_live_' || left(md5(current_schema()), 16) AS channel",
      );
      channel = rows[0]?.channel ?? 'feldakte_live';
      unlisten = await db.listen(channel, onNotification);
      keepAlive = setInterval(() => {
        for (const connection of connections) connection.subscriber.comment('keep-alive');
      }, keepAliveMs);
      keepAlive.unref();
    },

    /** Queues the events in the transaction `tx`: they go out when it commits. */
    async publish(tx: Queryable, events: readonly TeamEvent[]): Promise<void> {
      if (!channel) return;
      // Events carry ids only: far below pg_notify's 8000-byte payload limit.
      for (const event of events) {
        await tx.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(event)]);
      }
    },

    /** Registers an open stream; the returned function unregisters it. */
    subscribe(subscriber: Subscriber): () => void {
      const theirs = [...connections].filter((c) => c.subscriber.userId === subscriber.userId);
      // The set keeps the order streams opened in: the first are the oldest.
      for (const oldest of theirs.slice(0, Math.max(0, theirs.length - maxStreamsPerUser + 1))) {
        remove(oldest);
        oldest.subscriber.end('crowdedOut');
      }
      const connection: Connection = { subscriber, pendingChanges: null };
      connections.add(connection);
      return () => remove(connection);
    },

    /** How many streams are open (tests, health). */
    get size(): number {
      return connections.size;
    },

    /** Ends every open stream, so the HTTP server can close (preClose). */
    endAll: () => endWhere(() => true),

    /**
     * Ends this process's open streams of a revoked device or user: they were
     * authenticated when they opened. (A stream on another instance ends at its
     * next reconnect, which is then refused.)
     */
    endWhere,

    /** Stops listening (onClose, before the database closes). */
    async stop(): Promise<void> {
      if (keepAlive) clearInterval(keepAlive);
      keepAlive = null;
      const stopListening = unlisten;
      unlisten = null;
      channel = null;
      await stopListening?.();
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
