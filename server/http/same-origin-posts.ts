import type { MiddlewareHandler } from 'hono';
import { failure } from '../domain/shared/result.ts';
import { sendFailure } from './respond.ts';

/**
 * Refuses state-changing requests that a browser sends from another site (CSRF). Browsers
 * name the origin of every cross-origin POST (`Origin`, and `Sec-Fetch-Site` in current
 * ones); a request with neither comes from a server-side client, which CSRF cannot forge.
 * The one origin our pages have is PUBLIC_BASE_URL's (SPEC §9): never the request's own URL,
 * whose host is whatever the `Host` header says, so `Host: evil.example` with
 * `Origin: http://evil.example` would match itself.
 */
export function sameOriginPosts(publicBaseUrl: string): MiddlewareHandler {
  const publicOrigin = new URL(publicBaseUrl).origin;
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS')
      return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const originOk = origin === undefined || origin === publicOrigin;
    const siteOk = site === undefined || site === 'same-origin' || site === 'none';
    if (originOk && siteOk) return next();
    return sendFailure(
      c,
      failure('FORBIDDEN_ORIGIN', 'Cross-site requests are not accepted here.'),
    );
  };
}
