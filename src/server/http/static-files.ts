// Serves the built app (dist/). Hashed assets are cached forever; index.html and
// the service worker never without revalidation, or an update would not arrive.
// Any other GET outside /api gets index.html (client-side routing).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const REVALIDATE = 'no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const ALWAYS_FRESH = new Set(['index.html', 'sw.js', 'registerSW.js', 'manifest.webmanifest']);

function cacheControlFor(filePath: string): string {
  const name = filePath.split(/[\\/]/).pop() ?? '';
  if (ALWAYS_FRESH.has(name)) return REVALIDATE;
  if (/[\\/]assets[\\/]/.test(filePath)) return IMMUTABLE;
  return REVALIDATE;
}

/** Registers static serving when `dir` holds a build; returns whether it does. */
export async function registerStaticFiles(app: FastifyInstance, dir: string): Promise<boolean> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    cacheControl: false,
    setHeaders: (response, filePath) => {
      response.setHeader('cache-control', cacheControlFor(filePath));
    },
  });
  return true;
}

export function isSpaRequest(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return (
    (request.method === 'GET' || request.method === 'HEAD') && path !== '/api' && !path.startsWith('/api/')
  );
}

export function sendIndexHtml(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', REVALIDATE).sendFile('index.html');
}
