// The set-up of an empty installation: the code the server prints at start works
// once, for 24 hours, until the next start replaces it; it creates the
// organisation, its first team and its administrator and signs them in. Bad
// input, a wrong or expired code and a second set-up change nothing.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueSetupCodeIfNeeded, SETUP_CODE_TTL_MS } from '../../src/server/services/setup-service';
import { ApiError, SessionTokens } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { createHarness, type Harness } from './helpers/harness';
import { startTestServer } from './helpers/start-server';
import { createFingerprinter } from './helpers/table-fingerprint';

const CODE_FORMAT = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

const request = (setupCode: string, extra: Record<string, unknown> = {}) => ({
  setupCode,
  organisationName: 'Jugendhilfe Weserbogen e. V.',
  teamName: 'Ambulante Hilfen Mitte',
  displayName: 'Petra Sommerfeld',
  username: 'p.sommerfeld',
  password: 'Kiesel Leuchtturm 47',
  ...extra,
});

describe.each(databaseTargets())('set-up of an empty installation ($name)', (target) => {
  let now = Date.now();
  const clock = () => new Date(now);

  async function emptyServer(): Promise<Harness> {
    now = Date.now();
    return createHarness(target, { seed: false, clock });
  }

  const post = (h: Harness, payload: unknown, headers: Record<string, string> = {}) =>
    h.request({ method: 'POST', url: '/api/setup', payload: payload as object, headers });
  const status = async (h: Harness) => (await h.request({ method: 'GET', url: '/api/setup' })).json();
  const counts = async (h: Harness) =>
    (
      await h.db.query<{ organisations: number; teams: number; users: number; codes: number }>(
        `SELECT (SELECT count(*)::int FROM organisations) AS organisations, (SELECT count(*)::int FROM teams) AS teams,
                (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM setup_code) AS codes`,
      )
    )[0];
  const auditActions = async (h: Harness) =>
    await h.db.query<{ action: string; detail: Record<string, unknown> }>(
      `SELECT action, detail FROM audit_log WHERE action LIKE 'setup%' OR action = 'login_rate_limited' ORDER BY id`,
    );

  it('sets up the organisation with the code once, signs the administrator in, and then refuses', async () => {
    const h = await emptyServer();
    try {
      expect(await status(h)).toEqual({ needed: true });
      const issued = await issueSetupCodeIfNeeded(h.db, clock);
      if (!issued) throw new Error('an empty installation gets a code');
      expect(issued.code).toMatch(CODE_FORMAT);
      expect(issued.expiresAt.getTime() - now).toBe(SETUP_CODE_TTL_MS);
      // Only its hash is stored.
      const [stored] = await h.db.query<{ code_hash: string }>('SELECT code_hash FROM setup_code');
      expect(stored?.code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(stored)).not.toContain(issued.code.replace(/-/g, ''));

      // Typed as people type it: lower case, spaces instead of dashes.
      const typed = issued.code.toLowerCase().replace(/-/g, ' ');
      const response = await post(h, request(typed, { refresh: true }), { 'x-feldakte-device': 'laptop-1' });
      expect(response.statusCode, response.body).toBe(200);
      const session = SessionTokens.parse(response.json());
      expect(session.user).toMatchObject({
        username: 'p.sommerfeld',
        displayName: 'Petra Sommerfeld',
        role: 'admin',
        administers: true,
        teamName: 'Ambulante Hilfen Mitte',
        districts: [],
        emergencyContact: '',
      });
      // refresh: true gives a short-lived access token, like a login.
      expect(Date.parse(session.expiresAt) - Date.now()).toBeLessThan(16 * 60_000);
      const me = await h.request({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${session.token}` },
      });
      expect(me.json().user.id).toBe(session.user.id);
      expect(await counts(h)).toEqual({ organisations: 1, teams: 1, users: 1, codes: 0 });
      const [organisation] = await h.db.query<{ name: string }>(
        'SELECT o.name FROM organisations o JOIN teams t ON t.organisation_id = o.id',
      );
      expect(organisation?.name).toBe('Jugendhilfe Weserbogen e. V.');
      expect(await status(h)).toEqual({ needed: false });
      // The person signs in with the password they chose.
      const login = await h.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'P.Sommerfeld', password: 'Kiesel Leuchtturm 47' },
      });
      expect(login.statusCode).toBe(200);

      // The same code again, or a new set-up with any code: 409, nothing changes.
      const fingerprint = await createFingerprinter(h.db);
      const before = await fingerprint.take();
      for (const payload of [request(issued.code), request(issued.code, { username: 'zweite.admin' })]) {
        const again = await post(h, payload);
        expect(again.statusCode).toBe(409);
        expect(ApiError.parse(again.json()).error).toMatchObject({
          code: 'conflict',
          messageKey: 'alreadySetUp',
          message: 'Feldakte ist bereits eingerichtet. Bitte melden Sie sich an.',
        });
      }
      expect(await fingerprint.take()).toEqual(before);
      // A restart of a set-up installation issues no code.
      expect(await issueSetupCodeIfNeeded(h.db, clock)).toBeNull();
      expect((await counts(h))?.codes).toBe(0);
      expect((await auditActions(h)).map((entry) => [entry.action, entry.detail.reason ?? null])).toEqual([
        ['setup_code_issued', null],
        ['setup_completed', null],
        ['setup_failed', 'alreadySetUp'],
        ['setup_failed', 'alreadySetUp'],
      ]);
      const [completed] = await h.db.query<{ userId: string; deviceId: string }>(
        `SELECT user_id::text AS "userId", device_id AS "deviceId" FROM audit_log WHERE action = 'setup_completed'`,
      );
      expect(completed).toEqual({ userId: session.user.id, deviceId: 'laptop-1' });
    } finally {
      await h.close();
    }
  });

  it('refuses a wrong or expired code, and a code a later start replaced; nothing changes', async () => {
    const h = await emptyServer();
    try {
      const first = await issueSetupCodeIfNeeded(h.db, clock);
      const second = await issueSetupCodeIfNeeded(h.db, clock);
      if (!first || !second) throw new Error('an empty installation gets a code at every start');
      expect(second.code).not.toBe(first.code);
      const fingerprint = await createFingerprinter(h.db);
      const before = await fingerprint.take();
      for (const code of [first.code, 'ABCD-EFGH-JKMN-PQRS', second.code.slice(0, -1)]) {
        const response = await post(h, request(code));
        expect(response.statusCode, code).toBe(400);
        expect(ApiError.parse(response.json()).error).toMatchObject({
          code: 'invalid',
          field: 'setupCode',
          messageKey: 'setupCodeWrong',
        });
      }
      // 24 hours after the start the code no longer works.
      now += SETUP_CODE_TTL_MS;
      const expired = await post(h, request(second.code));
      expect(expired.statusCode).toBe(400);
      expect(ApiError.parse(expired.json()).error).toMatchObject({
        field: 'setupCode',
        messageKey: 'setupCodeExpired',
        message: 'Der Einrichtungscode ist abgelaufen. Ein Neustart des Servers zeigt einen neuen.',
      });
      expect(await fingerprint.take()).toEqual(before);
      expect(await status(h)).toEqual({ needed: true });

      // A restart prints a new code, which works.
      const third = await issueSetupCodeIfNeeded(h.db, clock);
      if (!third) throw new Error('still empty');
      now += SETUP_CODE_TTL_MS - 1;
      expect((await post(h, request(third.code))).statusCode).toBe(200);
      expect(await counts(h)).toEqual({ organisations: 1, teams: 1, users: 1, codes: 0 });
    } finally {
      await h.close();
    }
  });

  it('answers bad input with 400 naming the field in German, and changes nothing', async () => {
    const h = await emptyServer();
    try {
      const issued = await issueSetupCodeIfNeeded(h.db, clock);
      if (!issued) throw new Error('an empty installation gets a code');
      const fingerprint = await createFingerprinter(h.db);
      const before = await fingerprint.take();
      const nul = String.fromCharCode(0);
      const cases: [unknown, string | null, string][] = [
        [{ ...request(issued.code), setupCode: undefined }, 'setupCode', 'notText'],
        [request(''), 'setupCode', 'empty'],
        [request(' - '), 'setupCode', 'empty'],
        [request(issued.code, { organisationName: '  ' }), 'organisationName', 'empty'],
        [request(issued.code, { teamName: 'x'.repeat(201) }), 'teamName', 'tooLong'],
        [request(issued.code, { displayName: 42 }), 'displayName', 'notText'],
        [request(issued.code, { username: 'Petra Sommerfeld' }), 'username', 'usernameCharacters'],
        [request(issued.code, { password: 'kurz' }), 'password', 'passwordTooShort'],
        [request(issued.code, { password: 'Passwort2024!' }), 'password', 'passwordTooCommon'],
        [request(issued.code, { password: 'qwertzuiop123' }), 'password', 'passwordTooCommon'],
        [request(issued.code, { password: 'p.sommerfeld-2024' }), 'password', 'passwordContainsUsername'],
        [request(issued.code, { refresh: 'ja' }), 'refresh', 'invalidValue'],
        [request(issued.code, { role: 'lead' }), 'role', 'unknownField'],
        [request(issued.code, { teamName: `Team${nul}` }), 'teamName', 'unstorableText'],
        [[], null, 'invalidInput'],
      ];
      for (const [payload, field, key] of cases) {
        const label = JSON.stringify(payload)?.slice(0, 80);
        const response = await post(h, payload);
        expect(response.statusCode, label).toBe(400);
        const { error } = ApiError.parse(response.json());
        expect(error, label).toMatchObject({ code: 'invalid', field, messageKey: key });
        expect(error.message, label).toMatch(/[a-zäöü]/);
      }
      const notJson = await h.request({
        method: 'POST',
        url: '/api/setup',
        headers: { 'content-type': 'application/json' },
        payload: '{"setupCode": ',
      });
      expect(notJson.statusCode).toBe(400);
      expect(await fingerprint.take()).toEqual(before);
      // The code still works after all that.
      expect((await post(h, request(issued.code))).statusCode).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('lets exactly one of two simultaneous set-ups through', async () => {
    const h = await emptyServer();
    try {
      const issued = await issueSetupCodeIfNeeded(h.db, clock);
      if (!issued) throw new Error('an empty installation gets a code');
      const answers = await Promise.all([
        post(h, request(issued.code)),
        post(h, request(issued.code, { username: 'zweite.admin', organisationName: 'Andere' })),
      ]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
      expect(await counts(h)).toEqual({ organisations: 1, teams: 1, users: 1, codes: 0 });
    } finally {
      await h.close();
    }
  });

  it('slows down guessing: after 10 wrong codes from an address even the right one waits (429)', async () => {
    const h = await emptyServer();
    try {
      const issued = await issueSetupCodeIfNeeded(h.db, clock);
      if (!issued) throw new Error('an empty installation gets a code');
      for (let i = 0; i < 10; i++) {
        expect((await post(h, request(`WRNG-CODE-${String(i).padStart(4, '2')}-AAAA`))).statusCode).toBe(400);
      }
      const limited = await post(h, request(issued.code));
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(ApiError.parse(limited.json()).error).toMatchObject({
        code: 'rate_limited',
        messageKey: 'tooManyLoginFailures',
      });
      expect((await counts(h))?.users).toBe(0);
      const audit = await auditActions(h);
      expect(audit.filter((entry) => entry.action === 'setup_failed')).toHaveLength(10);
      expect(audit.filter((entry) => entry.action === 'login_rate_limited')).toEqual([
        { action: 'login_rate_limited', detail: expect.objectContaining({ via: 'setup' }) },
      ]);
    } finally {
      await h.close();
    }
  });
});

describe('the set-up code of a real server', () => {
  const setUpOver = (url: string, setupCode: string) =>
    fetch(`${url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request(setupCode)),
    });

  it('is new at every start until the set-up is done, and only the newest works', {
    timeout: 240_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'feldakte-setup-'));
    try {
      const first = await startTestServer({ dataDir, seedDemo: false });
      const firstCode = first.setupCode?.code ?? '';
      expect(firstCode).toMatch(CODE_FORMAT);
      await first.close();

      const second = await startTestServer({ dataDir, seedDemo: false });
      try {
        const secondCode = second.setupCode?.code ?? '';
        expect(secondCode).toMatch(CODE_FORMAT);
        expect(secondCode).not.toBe(firstCode);
        expect((await setUpOver(second.url, firstCode)).status).toBe(400);
        expect((await setUpOver(second.url, secondCode)).status).toBe(200);
      } finally {
        await second.close();
      }

      const third = await startTestServer({ dataDir, seedDemo: false });
      expect(third.setupCode).toBeNull();
      await third.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('main.ts prints "Einrichtungscode: <code>" next to the URL with FELDAKTE_DEMO=0', {
    timeout: 240_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'feldakte-setup-main-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        FELDAKTE_DEMO: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const printed = await new Promise<{ url: string; code: string }>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const url = /http:\/\/localhost:\d+/.exec(output)?.[0];
          const code = /^Einrichtungscode: (\S+)/m.exec(output)?.[1];
          if (url && code) resolve({ url, code });
        });
        child.on('exit', (exitCode) => reject(new Error(`exited early (${exitCode}): ${output}`)));
      });
      expect(printed.code).toMatch(CODE_FORMAT);
      expect(output).not.toContain('Demo-Zugänge');
      expect((await setUpOver(printed.url, printed.code)).status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
