import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-data';
import { createLoginRateLimit } from '../../src/server/services/login-rate-limit';
import { ApiError } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { type Harness, harnessForBlock } from './helpers/harness';

describe('login rate limit (sliding windows)', () => {
  const rule = { maxFailures: 3, windowMs: 60_000 };
  const limits = { perAddress: { maxFailures: 5, windowMs: 60_000 }, perUserAndAddress: rule };

  it('blocks a name at one address after its failures, and lets it try again as they leave the window', () => {
    const limit = createLoginRateLimit(limits);
    const attempt = { username: 'Anna', address: '10.0.0.1' };
    for (const at of [0, 10_000, 20_000]) {
      expect(limit.retryAfterMs(attempt, at)).toBe(0);
      limit.recordFailure(attempt, at);
    }
    expect(limit.retryAfterMs(attempt, 30_000)).toBe(30_000);
    expect(limit.retryAfterMs({ username: 'anna', address: '10.0.0.1' }, 30_000)).toBe(30_000);
    // The same person elsewhere is not locked out.
    expect(limit.retryAfterMs({ username: 'anna', address: '10.0.0.2' }, 30_000)).toBe(0);
    // The first failure leaves the window at 60 s: one more try.
    expect(limit.retryAfterMs(attempt, 60_000)).toBe(0);
  });

  it('blocks an address guessing many names, but not other addresses', () => {
    const limit = createLoginRateLimit(limits);
    for (let i = 0; i < 5; i++) limit.recordFailure({ username: `name${i}`, address: '10.0.0.9' }, i);
    expect(limit.retryAfterMs({ username: 'neu', address: '10.0.0.9' }, 10)).toBeGreaterThan(0);
    expect(limit.retryAfterMs({ username: 'neu', address: '10.0.0.8' }, 10)).toBe(0);
  });

  it('forgets a name at an address after a good login', () => {
    const limit = createLoginRateLimit(limits);
    const attempt = { username: 'anna', address: '10.0.0.1' };
    limit.recordFailure(attempt, 0);
    limit.recordFailure(attempt, 1);
    limit.recordSuccess(attempt);
    limit.recordFailure(attempt, 2);
    limit.recordFailure(attempt, 3);
    expect(limit.retryAfterMs(attempt, 4)).toBe(0);
  });
});

describe.each(databaseTargets())('login rate limit over HTTP ($name)', (target) => {
  let h: Harness;
  harnessForBlock(target, [], (opened) => {
    h = opened;
  });

  const login = (username: string, password: string, remoteAddress: string) =>
    h.request({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

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
});
