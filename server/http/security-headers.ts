import { ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { API_CONTENT_SECURITY_POLICY } from './content-security-policy.ts';

/**
 * Headers every answer carries. Pages replace the CSP with the build's page policy
 * (src/fetch.ts). The public id in a page URL is a bearer secret: no referrer leaves our
 * origin (same-origin keeps the Origin header on our own form posts, which no-referrer would
 * turn into "null"), and no other site may embed what we serve (CORP: docs/decisions/015).
 */
export function securityHeaders(options: { https: boolean }): MiddlewareHandler {
  const values = Object.entries(securityHeaderValues(options));
  const withPolicy: [string, string][] = [
    ['content-security-policy', API_CONTENT_SECURITY_POLICY],
    ...values,
  ];
  return async (c, next) => {
    const outgoing = nodeResponseOf(c);
    if (outgoing) {
      // Served by Node: the headers go on its response before the app answers, and Node adds
      // the answer's own headers over them when it writes the head, so a page's CSP replaces
      // the API one as below. The other values come from securityHeaderValues wherever an
      // answer sets them. Answers stay as made: reading `c.res.headers` builds a Headers
      // object (and Node then converts it back), a sixth of a small JSON answer's CPU.
      for (const [name, value] of withPolicy) outgoing.setHeader(name, value);
      return next();
    }
    await next();
    const headers = c.res.headers;
    if (!headers.has('content-security-policy'))
      headers.set('content-security-policy', API_CONTENT_SECURITY_POLICY);
    for (const [name, value] of values) headers.set(name, value);
  };
}

/**
 * The Node response an answer will be written to: @hono/node-server's bindings, which the
 * production server passes on to the app (server/adapter/node-entry.ts). Absent in-process
 * (tests, Astro's page pipeline).
 */
function nodeResponseOf(c: Context): ServerResponse | undefined {
  const bindings: unknown = c.env;
  if (typeof bindings !== 'object' || bindings === null || !('outgoing' in bindings)) return;
  const { outgoing } = bindings;
  return outgoing instanceof ServerResponse && !outgoing.headersSent ? outgoing : undefined;
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
