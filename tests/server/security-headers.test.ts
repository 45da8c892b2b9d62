import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { createDatabase } from '../../src/server/db/create-database';
import type { Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrate';

const paths = [
  ['GET', '/'],
  ['GET', '/faelle/123'],
  ['GET', '/assets/index-Bx12ab.js'],
  ['GET', '/sw.js'],
  ['GET', '/api/health'],
  ['GET', '/api/auth/me'],
  ['GET', '/api/unknown'],
  ['POST', '/api/auth/login'],
] as const;

describe('security headers', () => {
  let dir: string;
  let db: Database;
  let app: FastifyInstance;
  let proxied: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'feldakte-headers-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Feldakte</title>');
    await writeFile(join(dir, 'sw.js'), 'self.addEventListener("install", () => {});');
    await writeFile(join(dir, 'assets', 'index-Bx12ab.js'), 'console.log(1);');
    db = await createDatabase();
    await migrate(db);
    app = await buildApp({ db, staticDir: dir });
    proxied = await buildApp({ db, staticDir: dir, trustProxy: true });
  });
  afterAll(async () => {
    await app?.close();
    await proxied?.close();
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends CSP without inline scripts, nosniff, frame denial and no referrer on every answer', async () => {
    for (const [method, url] of paths) {
      const response = await app.inject({ method, url });
      const name = `${method} ${url} (${response.statusCode})`;
      const csp = String(response.headers['content-security-policy']);
      const directives = new Map(
        csp.split(';').map((d) => {
          const [key = '', ...values] = d.trim().split(/\s+/);
          return [key, values] as const;
        }),
      );
      expect(directives.get('script-src'), name).toEqual(["'self'"]);
      expect(directives.get('default-src'), name).toEqual(["'self'"]);
      expect(directives.get('frame-ancestors'), name).toEqual(["'none'"]);
      expect(directives.get('object-src'), name).toEqual(["'none'"]);
      expect(csp, name).not.toContain('unsafe-inline');
      expect(csp, name).not.toContain('unsafe-eval');
      expect(response.headers['x-content-type-options'], name).toBe('nosniff');
      expect(response.headers['x-frame-options'], name).toBe('DENY');
      expect(response.headers['referrer-policy'], name).toBe('no-referrer');
      expect(response.headers['strict-transport-security'], name).toBeUndefined();
    }
  });

  it('sends HSTS only for TLS: from a trusted proxy, never for a forged header', async () => {
    const forged = await app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers['strict-transport-security']).toBeUndefined();
    const plain = await proxied.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'http' } });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    for (const url of ['/', '/api/health', '/api/auth/me']) {
      const tls = await proxied.inject({ method: 'GET', url, headers: { 'x-forwarded-proto': 'https' } });
      expect(tls.headers['strict-transport-security'], url).toMatch(/^max-age=\d{7,}/);
    }
  });
});
