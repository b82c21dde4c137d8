import type { MiddlewareHandler } from 'hono';
import { API_CONTENT_SECURITY_POLICY } from './content-security-policy.ts';

/**
 * Headers every answer carries. Pages replace the CSP with the build's page policy
 * (src/fetch.ts). The public id in a page URL is a bearer secret: no referrer leaves our
 * origin (same-origin keeps the Origin header on our own form posts, which no-referrer would
 * turn into "null"), and no other site may embed what we serve (CORP: docs/decisions/015).
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

/**
 * HSTS (RFC 6797) for two years, subdomains included, once PUBLIC_BASE_URL is https (SPEC §9).
 * Not `preload`: that asks browsers to hard-code the whole registrable domain, a choice for
 * whoever owns it, not for a checkout that may live on one of its subdomains.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** The headers of `securityHeaders`, for answers made ready ahead (the page cache's). */
export function securityHeaderValues(options: { https: boolean }): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    ...(options.https ? { 'strict-transport-security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}
