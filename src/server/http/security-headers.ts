// Security headers on every answer: API, static files, index.html, errors and the
// event stream (which writes its own head, see routes/events.ts).
//
// The built app needs no inline code: vite emits module scripts and stylesheets
// as files, the service worker is registered from bundled code
// (injectRegister: false), and React sets style attributes through the CSSOM,
// which CSP does not govern. So scripts and styles come from 'self' only.
// HSTS is sent only on a TLS connection (or behind a trusted proxy that says it
// received one): over plain http it would be ignored or pin a wrong origin.
import type { FastifyInstance, FastifyRequest } from 'fastify';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const HSTS = 'max-age=31536000; includeSubDomains';

/** The headers every answer carries; HSTS only for a request that came over TLS. */
export function securityHeaders(request: FastifyRequest): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
  // request.protocol is 'https' on a TLS socket, or from x-forwarded-proto only
  // when the app trusts its proxy (AppOptions.trustProxy).
  if (request.protocol === 'https') headers['strict-transport-security'] = HSTS;
  return headers;
}

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    reply.headers(securityHeaders(request));
    // Case data must not linger in HTTP caches; the app keeps its own encrypted copy.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
