import type { MiddlewareHandler } from 'hono';
import { API_CONTENT_SECURITY_POLICY } from './content-security-policy.ts';

/**
 * Headers every answer carries. Pages replace the CSP with one that lists their inline
 * hashes (src/fetch.ts). The public id in a page URL is a bearer secret: no referrer leaves
 * our origin (same-origin keeps the Origin header on our own form posts, which no-referrer
 * would turn into "null").
 */
export function securityHeaders(options: { https: boolean }): MiddlewareHandler {
  const values = Object.entries(securityHeaderValues(options));
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    if (!headers.has('content-security-policy'))
      headers.set('content-security-policy', API_CONTENT_SECURITY_POLICY);
    for (const [name, value] of values) headers.set(name, value);
  };
}

/** The headers of `securityHeaders`, for answers made ready ahead (the page cache's). */
export function securityHeaderValues(options: { https: boolean }): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'cross-origin-opener-policy': 'same-origin',
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}
