import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/db/migrate';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-data';
import { createServices } from '../../src/server/services';
import { createLoginRateLimit } from '../../src/server/services/login-rate-limit';
import { ApiError, DEVICE_HEADER } from '../../src/shared/protocol';
import { databaseTargets, type TestDatabase } from './helpers/databases';
import { type Harness, harnessForBlock } from './helpers/harness';

describe.each(databaseTargets())('login rate limit, sliding windows in the database ($name)', (target) => {
  const rule = { maxFailures: 3, windowMs: 60_000 };
  const limits = { perAddress: { maxFailures: 5, windowMs: 60_000 }, perUserAndAddress: rule };
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await target.create();
    await migrate(testDb.db);
  });
  afterAll(() => testDb?.dispose());
  beforeEach(async () => {
    await testDb.db.query('DELETE FROM login_failures');
  });

  it('blocks a name at one address after its failures, and lets it try again as they leave the window', async () => {
    const limit = createLoginRateLimit(testDb.db, limits);
    const attempt = { username: 'Anna', address: '10.0.0.1' };
    for (const at of [0, 10_000, 20_000]) {
      expect(await limit.retryAfterMs(attempt, at)).toBe(0);
      await limit.recordFailure(attempt, null, at);
    }
    expect(await limit.retryAfterMs(attempt, 30_000)).toBe(30_000);
    expect(await limit.retryAfterMs({ username: 'anna', address: '10.0.0.1' }, 30_000)).toBe(30_000);
    // The same person elsewhere is not locked out.
    expect(await limit.retryAfterMs({ username: 'anna', address: '10.0.0.2' }, 30_000)).toBe(0);
    // The first failure leaves the window at 60 s: one more try.
    expect(await limit.retryAfterMs(attempt, 60_000)).toBe(0);
  });

  it('blocks an address guessing many names, but not other addresses', async () => {
    const limit = createLoginRateLimit(testDb.db, limits);
    for (let i = 0; i < 5; i++)
      await limit.recordFailure({ username: `name${i}`, address: '10.0.0.9' }, null, i);
    expect(await limit.retryAfterMs({ username: 'neu', address: '10.0.0.9' }, 10)).toBeGreaterThan(0);
    expect((await limit.check({ username: 'neu', address: '10.0.0.9' }, 10)).addressOnly).toBe(true);
    expect(await limit.retryAfterMs({ username: 'neu', address: '10.0.0.8' }, 10)).toBe(0);
  });

  it('forgets a name at an address after a good login', async () => {
    const limit = createLoginRateLimit(testDb.db, limits);
    const attempt = { username: 'anna', address: '10.0.0.1' };
    await limit.recordFailure(attempt, null, 0);
    await limit.recordFailure(attempt, null, 1);
    await limit.recordSuccess(attempt);
    await limit.recordFailure(attempt, null, 2);
    await limit.recordFailure(attempt, null, 3);
    expect(await limit.retryAfterMs(attempt, 4)).toBe(0);
  });

  it('says which limit a failure reached, and prunes failures no window looks at', async () => {
    const limit = createLoginRateLimit(testDb.db, limits);
    const reached = [];
    for (let i = 0; i < 5; i++)
      reached.push(await limit.recordFailure({ username: 'anna', address: '10.0.0.3' }, null, i));
    expect(reached).toEqual([null, null, 'user_and_address', null, 'address']);
    await limit.recordFailure({ username: 'ben', address: '10.0.0.4' }, null, 120_000);
    const left = await testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM login_failures');
    expect(left).toEqual([{ n: 2 }]);
  });

  it('counts the failures of two server instances on one database together', async () => {
    // Two sets of services, as two server processes behind one proxy would have.
    const instanceA = createServices(testDb.db, { loginRateLimits: limits }).loginRateLimit;
    const instanceB = createServices(testDb.db, { loginRateLimits: limits }).loginRateLimit;
    const attempt = { username: 'anna', address: '10.0.0.5' };
    await instanceA.recordFailure(attempt, null, 0);
    await instanceB.recordFailure(attempt, null, 1);
    expect(await instanceA.retryAfterMs(attempt, 2)).toBe(0);
    await instanceA.recordFailure(attempt, null, 2);
    expect(await instanceB.retryAfterMs(attempt, 3)).toBeGreaterThan(0);
    expect(await instanceA.retryAfterMs(attempt, 3)).toBeGreaterThan(0);
  });
});

describe.each(databaseTargets())('login rate limit over HTTP ($name)', (target) => {
  let h: Harness;
  harnessForBlock(target, [], (opened) => {
    h = opened;
  });

  const login = (username: string, password: string, remoteAddress: string, device?: string) =>
    h.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress,
      headers: device ? { [DEVICE_HEADER]: device } : {},
    });

  it('answers 429 with Retry-After to the guessing address, while the person logs in from elsewhere', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await login('ben', `falsch-${i}`, '198.51.100.7')).statusCode).toBe(401);
    }
    const blocked = await login('ben', DEMO_PASSWORD, '198.51.100.7');
    expect(blocked.statusCode).toBe(429);
    expect(ApiError.parse(blocked.json()).error.code).toBe('rate_limited');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    const elsewhere = await login('ben', DEMO_PASSWORD, '203.0.113.20');
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json()).toHaveProperty('token');

    const audit = await h.db.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_log WHERE action = 'login_rate_limited'",
    );
    expect(audit).toEqual([
      { detail: { username: 'ben', address: '198.51.100.7', limit: 'user_and_address' } },
    ]);
  });

  it('answers a refused attempt the same whether the name exists or not', async () => {
    for (const username of ['anna', 'niemand']) {
      for (let i = 0; i < 10; i++) await login(username, 'falsch', `192.0.2.${username.length}`);
    }
    const known = await login('anna', 'falsch', '192.0.2.4');
    const unknown = await login('niemand', 'falsch', '192.0.2.7');
    expect(known.statusCode).toBe(429);
    expect(unknown.statusCode).toBe(429);
    expect(known.body).toBe(unknown.body);
    expect(Object.keys(known.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
  });

  it('blocks one address that guesses many names', async () => {
    for (let i = 0; i < 50; i++) await login(`name-${i}`, 'falsch', '192.0.2.200');
    expect((await login('lea', DEMO_PASSWORD, '192.0.2.200')).statusCode).toBe(429);
    expect((await login('lea', DEMO_PASSWORD, '192.0.2.201')).statusCode).toBe(200);
  });

  it("lets a device that signed in as the person before through an office's address limit, never an unknown one", async () => {
    const office = '192.0.2.80';
    // anna signed in on her office PC before (from wherever she was then).
    expect((await login('anna', DEMO_PASSWORD, '203.0.113.5', 'anna-office-pc')).statusCode).toBe(200);
    // Others behind the office's one NAT address use up its limit.
    for (let i = 0; i < 50; i++) await login(`kollege-${i}`, 'falsch', office);
    expect((await login('lea', DEMO_PASSWORD, office)).statusCode).toBe(429);

    expect((await login('anna', DEMO_PASSWORD, office, 'anna-office-pc')).statusCode).toBe(200);
    expect((await login('anna', DEMO_PASSWORD, office, 'fremdes-geraet')).statusCode).toBe(429);
    expect((await login('anna', DEMO_PASSWORD, office)).statusCode).toBe(429);
    // The device is anna's, not ben's.
    expect((await login('ben', DEMO_PASSWORD, office, 'anna-office-pc')).statusCode).toBe(429);
    // A wrong password from her device counts; her own limit at the address then holds even for the right one.
    for (let i = 0; i < 10; i++) {
      expect((await login('anna', `falsch-${i}`, office, 'anna-office-pc')).statusCode).toBe(401);
    }
    expect((await login('anna', DEMO_PASSWORD, office, 'anna-office-pc')).statusCode).toBe(429);
  });

  it('counts the failures of two app instances on one database together', async () => {
    const other = await buildApp({ db: h.db });
    try {
      const loginAt = (app: typeof other, password: string) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'tom', password },
          remoteAddress: '198.51.100.99',
        });
      for (let i = 0; i < 10; i++) {
        expect((await loginAt(i % 2 === 0 ? h.app : other, `falsch-${i}`)).statusCode).toBe(401);
      }
      expect((await loginAt(h.app, DEMO_PASSWORD)).statusCode).toBe(429);
      expect((await loginAt(other, DEMO_PASSWORD)).statusCode).toBe(429);
    } finally {
      await other.close();
    }
  });
});
