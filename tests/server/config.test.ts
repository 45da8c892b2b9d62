import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config';
import { DEFAULT_SESSION_TTL_SECONDS } from '../../src/server/services/auth-service';
import { databaseTargets } from './helpers/databases';
import { createHarness } from './helpers/harness';

describe('configuration', () => {
  it('reads the session lifetime from FELDAKTE_SESSION_TTL_SECONDS, 30 days by default', () => {
    expect(readConfig({}).sessionTtlSeconds).toBe(DEFAULT_SESSION_TTL_SECONDS);
    expect(DEFAULT_SESSION_TTL_SECONDS).toBe(30 * 24 * 60 * 60);
    expect(readConfig({ FELDAKTE_SESSION_TTL_SECONDS: '' }).sessionTtlSeconds).toBe(
      DEFAULT_SESSION_TTL_SECONDS,
    );
    expect(readConfig({ FELDAKTE_SESSION_TTL_SECONDS: '90' }).sessionTtlSeconds).toBe(90);
    for (const bad of ['0', '-1', '1.5', 'kurz']) {
      expect(() => readConfig({ FELDAKTE_SESSION_TTL_SECONDS: bad }), bad).toThrow(
        /FELDAKTE_SESSION_TTL_SECONDS/,
      );
    }
  });
});

describe.each(databaseTargets())('a short session lifetime ($name)', (target) => {
  // Creating the harness migrates and seeds a database: on a busy machine that alone can take half a minute.
  it('ends the session when it runs out', { timeout: 120_000 }, async () => {
    const h = await createHarness(target, { sessionTtlSeconds: 1 });
    try {
      const { token, expiresAt } = await h.login('anna');
      expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(1000);
      const me = () =>
        h.request({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
      expect((await me()).statusCode).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await me()).statusCode).toBe(401);
    } finally {
      await h.close();
    }
  });
});
