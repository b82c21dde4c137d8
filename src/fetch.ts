import { gzipSync } from 'node:zlib';
import { astro, getFetchState } from 'astro/hono';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { createPageCache } from '../server/cache/page-cache.ts';
import { serveCachedPage } from '../server/cache/serve-cached-page.ts';
import { createCheckoutReader } from '../server/checkout/checkout-reader.ts';
import { pageFreshness } from '../server/checkout/page-freshness.ts';
import { createApp } from '../server/http/app.ts';
import { pagePolicyOfBuild } from '../server/adapter/build-csp.ts';
import { contentSecurityPolicyFor } from '../server/http/content-security-policy.ts';
import { openApiDocument } from '../server/http/openapi/api-operations.ts';
import { rawPathOf } from '../server/http/readable-path.ts';
import { securityHeaderValues } from '../server/http/security-headers.ts';
import { paylink } from '../server/runtime.ts';
import { isPersonalLinkPage } from '../server/http/checkout/checkout-cookies.ts';
import { isWatched } from './checkout/watched.ts';
import { resolveLang } from './i18n/resolve-lang.ts';
import { createProblemPages } from './problem-pages.ts';

const { deps } = paylink;
const https = deps.config.PUBLIC_BASE_URL.startsWith('https:');
const checkout = createCheckoutReader(deps);
const renderWithAstro = astro();
// A rendered page is ~10-40 KB with its two compressed copies: a few thousand fit in 32 MB.
const pageCache = createPageCache(deps.changes, deps.clock, {
  maxEntries: 4000,
  maxBytes: 32 * 1024 * 1024,
});

// One policy per build (its inline blocks listed at build time, docs/decisions/015); a page's
// own HTML is hashed only under astro dev, which has no build. A build without its list fails
// here, at start.
const buildPolicy = pagePolicyOfBuild(import.meta.url, { isBuilt: !import.meta.env.DEV });

const CHECKOUT_PAGE = /^\/b2b\/([^/]+)(?:\/payments\/([^/]+))?$/;

const cacheKeyOf = (path: string, lang: string, isFromQuery: boolean, query: URLSearchParams) =>
  `${path}|${lang}|${isFromQuery ? 'chosen' : 'derived'}|${isWatched(query) ? 'watched' : ''}`;

/**
 * The cache key of a checkout page request, or null for what is never cached (other pages,
 * failed form posts). A page depends on its path, language and whether it reloaded to show a
 * change it watched (src/checkout/watched.ts); an explicit `?lang=` also sets the cookie, so
 * it is a page of its own.
 */
function checkoutPageOf(c: Context) {
  if (c.req.method !== 'GET' || c.get('checkoutForm' as never)) return null;
  const match = CHECKOUT_PAGE.exec(c.req.path);
  if (!match) return null;
  const { lang, isFromQuery } = resolveLang({
    query: c.req.query('lang') ?? null,
    cookie: getCookie(c, 'lang'),
    acceptLanguage: c.req.header('accept-language') ?? null,
  });
  const publicId = decodedSegment(match[1] ?? '');
  const reffNo = match[2] === undefined ? null : decodedSegment(match[2]);
  if (publicId === undefined || reffNo === undefined) return null;
  return {
    key: cacheKeyOf(c.req.path, lang, isFromQuery, new URL(c.req.url).searchParams),
    publicId,
    reffNo,
  };
}

/**
 * A path segment decoded, or undefined when it cannot be (Hono leaves an escape that is not
 * UTF-8 as sent, and decodeURIComponent throws on it): such a page is not cached.
 */
function decodedSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Headers every rendered HTML page carries (the page cache keeps them with the bytes). */
function pageHeaders(response: Response, html: string): Headers {
  const headers = new Headers(response.headers);
  // Astro sends text/html without a charset; a phone's browser must not have to guess.
  headers.set('content-type', 'text/html; charset=utf-8');
  headers.set('content-security-policy', buildPolicy ?? contentSecurityPolicyFor(html));
  // Live payment state and personal details: no shared cache may keep it, and the browser
  // asks again every time (a 304 when nothing changed). docs/decisions/009.
  headers.set('cache-control', 'private, no-cache');
  headers.delete('content-length');
  headers.append('vary', 'accept-encoding, accept-language, cookie');
  for (const [name, value] of Object.entries(securityHeaderValues({ https }))) {
    headers.set(name, value);
  }
  return headers;
}

/** A page's answer as it is sent when it is not kept in the page cache. */
async function finishPage(response: Response): Promise<Response> {
  const html = await response.text();
  return new Response(html, { status: response.status, headers: pageHeaders(response, html) });
}

const problemPages = createProblemPages(deps, finishPage);

/**
 * Pages get what they render through Astro.locals, from the server side. Checkout pages are
 * rendered once per link state and language and then served from the page cache
 * (docs/decisions/009): compressed once, with strong ETags, until their link changes.
 */
const renderPages: MiddlewareHandler = async (c, next) => {
  const page = checkoutPageOf(c);
  const conditions = {
    acceptEncoding: c.req.header('accept-encoding'),
    ifNoneMatch: c.req.header('if-none-match'),
  };
  const cached = page && pageCache.get(page.key);
  if (cached) return serveCachedPage(cached, conditions);
  const startedAt = pageCache.begin();
  const renderedAt = deps.clock();

  const locals = getFetchState(c).locals;
  locals.checkout = checkout;
  locals.reportProblem = problemPages.reporterFor(c);
  locals.isHttps = https;
  locals.sandbox = deps.config.PAYMENT_PROVIDER === 'sandbox';
  locals.apiDocument = () => openApiDocument(deps.config.PUBLIC_BASE_URL);
  const form = c.get('checkoutForm') as App.Locals['checkoutForm'];
  if (form) locals.checkoutForm = form;
  const response = (await renderWithAstro(c, next)) ?? (await c.notFound());
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const html = await response.text();
  const headers = pageHeaders(response, html);

  const freshness =
    page && response.status === 200
      ? await pageFreshness(deps, page.publicId, page.reffNo, renderedAt)
      : null;
  if (page && freshness) {
    pageCache.store(page.key, startedAt, {
      status: response.status,
      headers: Object.fromEntries(headers),
      html,
      ...freshness,
    });
    const stored = pageCache.get(page.key);
    if (stored) return serveCachedPage(stored, conditions);
  }
  // Not kept (another page, or a change raced the render): compressed for this answer only.
  const body =
    /\bgzip\b/.test(conditions.acceptEncoding ?? '') && html.length > 1024 ? gzipSync(html) : null;
  if (body) headers.set('content-encoding', 'gzip');
  return new Response(body ?? html, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
};

const app = createApp(deps, { renderPages, renderProblemPage: problemPages.render });

/** Checkout endpoints that never render a page (a failed form post does: not these). */
const CHECKOUT_ENDPOINT = /^\/b2b\/[^/]+\/(?:status|events|payments\/[^/]+\/qr\.png)$/;

/**
 * True when Hono answers this request by itself, so the server may hand it over without
 * Astro's page pipeline around it (docs/decisions/009): the APIs, health and the checkout's
 * JSON endpoints. `pathname` is the request's path (the server has it already); the URLs
 * @hono/node-server gives are normalised, so it is also their WHATWG pathname.
 */
export function isAnsweredWithoutPages(
  request: Request,
  pathname = rawPathOf(request.url),
): boolean {
  if (pathname === '/healthz' || pathname.startsWith('/api/')) return true;
  // The merchant's logo and brand stylesheet (server/http/checkout/brand-asset-routes.ts).
  if (request.method === 'GET' && pathname.startsWith('/b2b/assets/')) return true;
  return request.method === 'GET' && CHECKOUT_ENDPOINT.test(pathname);
}

/**
 * A checkout page from the page cache, answered before any routing (docs/decisions/009), or
 * null when it is not there. Its headers were complete when it was kept. Only a checkout
 * page's URL is parsed: an API call costs one test of its path.
 */
export function answerFromPageCache(
  request: Request,
  path = rawPathOf(request.url),
): Response | null {
  if (request.method !== 'GET' || !CHECKOUT_PAGE.test(path)) return null;
  const url = new URL(request.url);
  // This browser's pending payment or failed form decides what its link page is.
  if (isPersonalLinkPage(url.pathname, request.headers.get('cookie'))) return null;
  const cookie = /(?:^|;\s*)lang=([^;]*)/.exec(request.headers.get('cookie') ?? '')?.[1];
  const { lang, isFromQuery } = resolveLang({
    query: url.searchParams.get('lang'),
    cookie,
    acceptLanguage: request.headers.get('accept-language'),
  });
  const page = pageCache.get(cacheKeyOf(url.pathname, lang, isFromQuery, url.searchParams));
  if (!page) return null;
  return serveCachedPage(page, {
    acceptEncoding: request.headers.get('accept-encoding') ?? undefined,
    ifNoneMatch: request.headers.get('if-none-match') ?? undefined,
  });
}

/** Astro's fetch file: Hono routes every request; what it does not answer, Astro renders. */
export default app;
