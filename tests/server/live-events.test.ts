// GET /api/events: live events over server-sent events, across server instances.
// On PostgreSQL the two instances have their own connection pools and LISTEN
// connections on one database (what two server processes would have); on PGlite
// they share the one embedded database of a single process.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { createDatabase } from '../../src/server/db/create-database';
import type { Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrate';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-data';
import { seedDemoData } from '../../src/server/seed/seed-demo';
import { createLiveHub } from '../../src/server/services/live/live-hub';
import type { LiveEvent, LoginResponse, Mutation, PushResponse } from '../../src/shared/protocol';
import { createPostgresSchema, type DatabaseTarget, databaseTargets } from './helpers/databases';
import { type EventStream, openEventStream } from './helpers/event-stream';
import { caseData, createMutation, noteData, partnerData } from './helpers/fixtures';
import { syncHeaders } from './helpers/harness';

interface TwoDatabases {
  a: Database;
  b: Database;
  dispose(): Promise<void>;
}

/** Two handles on one database: separate pools on PostgreSQL, the same PGlite. */
async function twoHandles(target: DatabaseTarget): Promise<TwoDatabases> {
  const url = process.env.DATABASE_URL;
  if (target.name === 'postgres' && url) {
    const { schema, drop } = await createPostgresSchema(url);
    const a = await createDatabase({ databaseUrl: url, searchPath: schema });
    const b = await createDatabase({ databaseUrl: url, searchPath: schema });
    return {
      a,
      b,
      async dispose() {
        await a.close();
        await b.close();
        await drop();
      },
    };
  }
  const { db, dispose } = await target.create();
  return { a: db, b: db, dispose };
}

async function listeningApp(db: Database): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp({ db, live: { coalesceMs: 50, keepAliveMs: 200 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}` };
}

const isConcern = (noteId: string) => (event: LiveEvent) =>
  event.type === 'concern' && event.noteId === noteId;

describe.each(databaseTargets())('live events ($name)', (target) => {
  let dbs: TwoDatabases;
  let instanceA: { app: FastifyInstance; url: string };
  let instanceB: { app: FastifyInstance; url: string };
  let anna: LoginResponse;
  let ben: LoginResponse;
  let lea: LoginResponse;
  let tom: LoginResponse;
  let annasCaseId: string;
  let bensCaseId: string;
  const streams: EventStream[] = [];

  async function login(username: string): Promise<LoginResponse> {
    const response = await instanceA.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    return response.json<LoginResponse>();
  }

  /** Pushes through instance A. */
  async function pushThroughA(session: LoginResponse, mutations: Mutation[], device = 'phone-a') {
    const response = await instanceA.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...syncHeaders(session.token), 'x-feldakte-device': device },
      payload: { mutations },
    });
    expect(response.statusCode).toBe(200);
    return response.json<PushResponse>().results;
  }

  async function streamOnB(session: LoginResponse, device?: string): Promise<EventStream> {
    const stream = await openEventStream(
      instanceB.url,
      session.token,
      device ? { 'x-feldakte-device': device } : {},
    );
    streams.push(stream);
    return stream;
  }

  beforeAll(async () => {
    dbs = await twoHandles(target);
    await migrate(dbs.a);
    await seedDemoData(dbs.a);
    instanceA = await listeningApp(dbs.a);
    instanceB = await listeningApp(dbs.b);
    [anna, ben, lea, tom] = [await login('anna'), await login('ben'), await login('lea'), await login('tom')];
    const annasCase = createMutation('case', caseData(anna.user.id));
    const bensCase = createMutation('case', caseData(ben.user.id));
    await pushThroughA(anna, [annasCase]);
    await pushThroughA(ben, [bensCase]);
    annasCaseId = annasCase.recordId;
    bensCaseId = bensCase.recordId;
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await instanceA?.app.close();
    await instanceB?.app.close();
    await dbs?.dispose();
  });

  it('refuses the stream without a login', async () => {
    const response = await fetch(`${instanceB.url}/api/events`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('alerts a lead on instance B within seconds of a § 8a note pushed through instance A; never a worker', async () => {
    const leasTablet = await streamOnB(lea, 'tablet-lea');
    const bensPhone = await streamOnB(ben, 'phone-ben');
    const tomsPhone = await streamOnB(tom, 'phone-tom');
    expect(leasTablet.status).toBe(200);
    expect(leasTablet.contentType).toMatch(/^text\/event-stream/);
    // Opening the stream is audited: it names notes with a § 8a concern as they are written.
    const audited = await dbs.a.query(
      "SELECT device_id FROM audit_log WHERE action = 'events' AND user_id = $1",
      [lea.user.id],
    );
    expect(audited).toEqual([{ device_id: 'tablet-lea' }]);

    const concern = createMutation('note', noteData(annasCaseId, { concern8a: true }));
    const [applied] = await pushThroughA(anna, [concern]);
    expect(applied?.status).toBe('applied');

    const alert = await leasTablet.waitFor(isConcern(concern.recordId));
    expect(alert).toEqual({
      type: 'concern',
      noteId: concern.recordId,
      caseId: annasCaseId,
      authorId: anna.user.id,
      at: expect.any(String),
    });
    // Ben's team changed: he hears "changes" (sent after the alert went out), never the concern.
    await bensPhone.waitFor((event) => event.type === 'changes');
    expect(bensPhone.events.filter((event) => event.type === 'concern')).toEqual([]);

    // A concern switched on later alerts again; a mere edit of a concern does not.
    const quiet = createMutation('note', noteData(annasCaseId));
    await pushThroughA(anna, [quiet]);
    await pushThroughA(anna, [
      {
        ...createMutation('note', {}),
        op: 'update',
        recordId: quiet.recordId,
        baseVersion: 1,
        data: { concern8a: true },
      },
      {
        ...createMutation('note', {}),
        op: 'update',
        recordId: concern.recordId,
        baseVersion: 1,
        data: { text: 'Ergänzt' },
      },
    ]);
    await leasTablet.waitFor(isConcern(quiet.recordId));
    expect(
      leasTablet.events.filter((event) => event.type === 'concern').map((e) => 'noteId' in e && e.noteId),
    ).toEqual([concern.recordId, quiet.recordId]);
    // Another team hears nothing of it.
    expect(tomsPhone.events).toEqual([]);
  });

  it('sends nothing for a rejected push or a rolled-back transaction', async () => {
    const leasTablet = await streamOnB(lea, 'tablet-lea-2');
    // Anna may not write in Ben's case: rejected, so no alert.
    const refused = createMutation('note', noteData(bensCaseId, { concern8a: true }));
    const [rejected] = await pushThroughA(anna, [refused]);
    expect(rejected?.status).toBe('rejected');
    // An event published inside a transaction that rolls back never leaves it.
    const hub = createLiveHub(dbs.a);
    await hub.start();
    try {
      const ghost = crypto.randomUUID();
      await expect(
        dbs.a.transaction(async (tx) => {
          await hub.publish(tx, [
            {
              kind: 'concern',
              teamId: lea.user.teamId,
              event: {
                type: 'concern',
                noteId: ghost,
                caseId: annasCaseId,
                authorId: anna.user.id,
                at: new Date().toISOString(),
              },
            },
          ]);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
    } finally {
      await hub.stop();
    }
    // Notifications arrive in commit order: the marker's alert comes first, nothing before it.
    const marker = createMutation('note', noteData(annasCaseId, { concern8a: true }));
    await pushThroughA(anna, [marker]);
    await leasTablet.waitFor(isConcern(marker.recordId));
    expect(leasTablet.events.filter((event) => event.type === 'concern')).toEqual([
      expect.objectContaining({ noteId: marker.recordId }),
    ]);
  });

  it("tells a user's other devices about changes, not the device that pushed them", async () => {
    // Opened first: its "changes" timer would fire no later than the other device's.
    const pushing = await streamOnB(lea, 'tablet-lea-pushing');
    const other = await streamOnB(lea, 'phone-lea-other');
    await pushThroughA(lea, [createMutation('partner', partnerData())], 'tablet-lea-pushing');
    await other.waitFor((event) => event.type === 'changes');
    // Events of one stream arrive in order: had the pushing device been told, it would be before this.
    const marker = createMutation('note', noteData(annasCaseId, { concern8a: true }));
    await pushThroughA(anna, [marker]);
    await pushing.waitFor(isConcern(marker.recordId));
    expect(pushing.events[0]).toEqual(expect.objectContaining({ type: 'concern', noteId: marker.recordId }));
  });

  it('keeps the stream open with keep-alive comments', async () => {
    const stream = await streamOnB(ben, 'phone-ben-2');
    await stream.waitUntil(() => stream.comments.includes('keep-alive'));
  });

  it("keeps a person's five newest streams and ends the oldest past them", async () => {
    const instanceC = await listeningApp(dbs.b);
    const opened: EventStream[] = [];
    const open = async (session: LoginResponse, device: string) => {
      const stream = await openEventStream(instanceC.url, session.token, { 'x-feldakte-device': device });
      opened.push(stream);
      expect(stream.status).toBe(200);
      return stream;
    };
    try {
      // Phone, tablet, the office PC, a laptop and one more: all five stay open.
      const toms: EventStream[] = [];
      for (const device of ['phone', 'tablet', 'pc', 'laptop', 'home-pc'])
        toms.push(await open(tom, `tom-${device}`));
      const bens = await open(ben, 'ben-phone');
      const sixth = await open(tom, 'tom-new-phone');
      const [oldest, ...others] = toms;
      await oldest?.ended;
      // Asked to wait longer before it comes back, so a live one does not push the newest out at once.
      expect(oldest?.retries).toEqual([5000, 60_000]);
      for (const stream of [...others, sixth, bens]) {
        const seen = stream.comments.length;
        await stream.waitUntil(() => stream.comments.length > seen);
      }
    } finally {
      for (const stream of opened) stream.close();
      await instanceC.app.close();
    }
  });

  it('ends open streams when the server closes', async () => {
    const instanceC = await listeningApp(dbs.b);
    const stream = await openEventStream(instanceC.url, lea.token);
    expect(stream.status).toBe(200);
    await instanceC.app.close();
    await stream.ended;
  });
});
