// A real server process end to end: listening on a free port with PGlite in a
// fresh data dir, restarted on the same dir, and main.ts shut down by a signal.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/shared/protocol';
import { startTestServer } from './helpers/start-server';

/** Starting, seeding and restarting whole server processes: a guard against hangs on a busy machine, not a speed check. */
const SERVER_PROCESS_TIMEOUT_MS = 120_000;

async function loginOver(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'feldakte-demo' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

describe('a running server', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keeps its data across a restart on the same data dir and seeds only once', {
    timeout: SERVER_PROCESS_TIMEOUT_MS,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'feldakte-restart-'));
    dirs.push(dataDir);
    const first = await startTestServer({ dataDir });
    expect(first.seeded).toBe(true);
    const health = await fetch(`${first.url}/api/health`);
    expect(await health.json()).toEqual({
      status: 'ok',
      protocolVersion: PROTOCOL_VERSION,
      database: 'pglite',
    });
    const token = await loginOver(first.url, 'anna');
    await first.close();

    const second = await startTestServer({ dataDir });
    try {
      expect(second.seeded).toBe(false);
      const me = await fetch(`${second.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
      const pull = await fetch(`${second.url}/api/sync/pull`, {
        headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
      });
      const body = (await pull.json()) as { changes: { entity: string }[] };
      expect(body.changes.filter((c) => c.entity === 'case').length).toBe(5);
    } finally {
      await second.close();
    }
  });

  it('main.ts prints its URL and demo logins and exits cleanly on SIGTERM', {
    timeout: SERVER_PROCESS_TIMEOUT_MS,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'feldakte-main-'));
    dirs.push(dataDir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/localhost:(\d+)/.exec(output);
        if (match && output.includes('tom')) resolve(match[0]);
      });
      child.on('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
    });
    expect(output).toContain('anna');
    expect(output).toContain('feldakte-demo');
    expect((await fetch(`${url}/api/health`)).status).toBe(200);

    const exitCode = await new Promise<number | null>((resolve) => {
      child.on('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
    expect(exitCode).toBe(0);
  });
});
