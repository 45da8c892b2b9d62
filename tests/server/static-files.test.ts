import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { createDatabase } from '../../src/server/db/create-database';
import type { Database } from '../../src/server/db/database';

describe('serving the built app', () => {
  let dir: string;
  let db: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'feldakte-dist-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Feldakte</title>');
    await writeFile(join(dir, 'sw.js'), 'self.addEventListener("install", () => {});');
    await writeFile(join(dir, 'assets', 'index-Bx12ab.js'), 'console.log(1);');
    await writeFile(join(dir, 'favicon.svg'), '<svg/>');
    db = await createDatabase();
    app = await buildApp({ db, staticDir: dir });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html for the root and for client-side routes, never cached unchecked', async () => {
    for (const url of ['/', '/index.html', '/faelle/123', '/review?filter=8a']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<title>Feldakte</title>');
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('caches hashed assets forever and revalidates the service worker', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-Bx12ab.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const sw = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['cache-control']).toBe('no-cache');
  });

  it('keeps /api answers JSON: unknown API routes are 404, not the app', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/unknown' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    const post = await app.inject({ method: 'POST', url: '/faelle' });
    expect(post.statusCode).toBe(404);
  });
});
