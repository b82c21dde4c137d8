import type { MiddlewareHandler } from 'hono';
import { API_CONTENT_SECURITY_POLICY } from './content-security-policy.ts';

/**
 * Headers every answer carries. Pages replace the CSP with one that lists their inline
 * hashes (src/fetch.ts). The public id in a page URL is a bearer secret: no referrer leaves
 * our origin (same-origin keeps the Origin header on our own form posts, which no-referrer
 * would turn into "null").
 */
export function securityHeaders(options: { https: boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    if (!headers.has('content-security-policy'))
      headers.set('content-security-policy', API_CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    headers.set('referrer-policy', 'same-origin');
    headers.set('x-frame-options', 'DENY');
    headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    headers.set('cross-origin-opener-policy', 'same-origin');
    if (options.https) headers.set('strict-transport-security', 'max-age=31536000');
  };
}
