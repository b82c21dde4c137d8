import { notificationRoutes } from './providers/notification-routes.ts';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { failure } from '../domain/shared/result.ts';
import type { Deps } from '../deps.ts';
import { adminRoutes } from './admin/account-routes.ts';
import { accessTokenRoutes } from './api-v1/access-token-routes.ts';
import { historyRoutes } from './api-v1/history-routes.ts';
import { paymentLinkRoutes } from './api-v1/payment-link-routes.ts';
import { v2Routes } from './api-v2/v2-routes.ts';
import { v4Routes } from './api-v4/v4-routes.ts';
import { brandAssetRoutes } from './checkout/brand-asset-routes.ts';
import { checkoutRoutes } from './checkout/checkout-routes.ts';
import { sandboxRoutes } from './sandbox/sandbox-routes.ts';
import { openApiDocument } from './openapi/api-operations.ts';
import { limitEveryDoor } from './rate-limit/limit-every-door.ts';
import { createRateLimits } from './rate-limit/rate-limits.ts';
import { sendJsonApiFailure } from './api-v4/json-api-errors.ts';
import { isReadablePath, rawPathOf } from './readable-path.ts';
import { sendFailure } from './respond.ts';
import { securityHeaders } from './security-headers.ts';
import { healthCheck } from './health.ts';
import { createThrownReporter, failureFor, routeOf, type ThrownKind } from './thrown-errors.ts';

export type AppOptions = {
  /** Renders pages (Astro's `astro()` in the real server); absent in API-only tests. */
  renderPages?: MiddlewareHandler;
  /**
   * The friendly page for a request a browser made (a form post, a page) that failed: 503
   * while the database is out of reach, else 500. Absent in API-only tests (JSON answers).
   */
  renderProblemPage?: (
    c: Context,
    problem: Exclude<ThrownKind, 'client_abort'>,
  ) => Promise<Response>;
};

/** SPEC §3: bodies above 64 KiB are refused with a 413 before they are read. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * SPEC §9: a path with control characters, NUL or invalid UTF-8 is a 404 before any route
 * decodes it, in the dialect of its prefix. The production server answers page reads of such
 * paths with the 404 page itself, before they reach Astro (server/adapter/node-entry.ts).
 */
const refuseUnreadablePaths: MiddlewareHandler = async (c, next) => {
  const path = rawPathOf(c.req.url);
  if (isReadablePath(path)) return next();
  const notFound = failure(
    'NOT_FOUND',
    'Nothing is served at this path: it holds control characters or is not UTF-8.',
  );
  return path.startsWith('/api/v4/') ? sendJsonApiFailure(c, notFound) : sendFailure(c, notFound);
};

/** The whole HTTP surface: API sub-apps per audience, then pages. */
export function createApp(deps: Deps, options: AppOptions = {}) {
  const app = new Hono();
  app.use('*', securityHeaders({ https: deps.config.PUBLIC_BASE_URL.startsWith('https:') }));
  app.use('*', refuseUnreadablePaths);

  app.get('/healthz', healthCheck(deps));

  const limitBody = bodiesUpTo(MAX_BODY_BYTES);
  // SPEC §9: each door checks its limit before anything runs, and answers in its dialect.
  const limits = createRateLimits(deps.config, deps.clock);
  limitEveryDoor(app, limits);
  // SPEC §4: before /api, whose envelope and body limit are the v1.0 ones; v4 answers JSON:API.
  app.route('/api/v4', v4Routes(deps));
  const api = new Hono();
  api.use(limitBody);
  api.route('/', accessTokenRoutes(deps));
  api.route('/v1.0', paymentLinkRoutes(deps));
  api.route('/v1.0', historyRoutes(deps));
  api.route('/v2.0', v2Routes(deps));
  api.route('/admin', adminRoutes(deps));
  api.get('/openapi.json', (c) => c.json(openApiDocument(deps.config.PUBLIC_BASE_URL)));
  api.all('*', (c) =>
    sendFailure(c, failure('NOT_FOUND', `No API route ${c.req.method} ${c.req.path}.`)),
  );
  app.route('/api', api);

  app.use('/b2b/*', limitBody);
  app.route('/b2b/assets', brandAssetRoutes(deps));
  app.route('/b2b', checkoutRoutes(deps, limits));
  app.use('/providers/*', limitBody);
  app.route('/providers', notificationRoutes(deps));
  if (deps.config.PAYMENT_PROVIDER === 'sandbox') {
    app.use('/sandbox/*', limitBody);
    app.route('/sandbox', sandboxRoutes(deps));
  }

  const reportThrown = createThrownReporter(deps);
  app.onError((error, c) => {
    // Middleware refusals (csrf's 403, for one) throw their answer: it is not our failure.
    if (error instanceof HTTPException) return error.getResponse();
    const kind = reportThrown(error, {
      method: c.req.method,
      route: routeOf(c),
      signal: c.req.raw.signal,
    });
    if (kind !== 'client_abort' && options.renderProblemPage && isFromBrowserPage(c)) {
      return options.renderProblemPage(c, kind);
    }
    return sendFailure(c, failureFor(kind));
  });

  // Pages answer GET; the only POST they take is a checkout form that failed (it sets
  // `checkoutForm` and falls through). Any other write to an unknown path is a plain 404.
  app.all('*', (c, next) => {
    const isRead = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (isRead || c.get('checkoutForm' as never)) return next();
    return sendFailure(c, failure('NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`));
  });
  if (options.renderPages) app.all('*', options.renderPages);
  return app;
}

export type App = ReturnType<typeof createApp>;

/** A browser's own request (a page, a form post) outside the APIs: it gets a page, not JSON. */
function isFromBrowserPage(c: Context): boolean {
  const path = c.req.path;
  if (path.startsWith('/api/') || path.startsWith('/sandbox/api/')) return false;
  if (path.startsWith('/providers/')) return false;
  if (CHECKOUT_DATA.test(path)) return false;
  return (c.req.header('accept') ?? '').includes('text/html');
}

/** The checkout's own data endpoints (JSON, events, PNG): never a page, whoever asks. */
const CHECKOUT_DATA = /^\/b2b\/[^/]+\/(?:status|events|payments\/[^/]+\/qr\.png)$/;

/**
 * Bodies above `maxSize` are refused with 413 before they are read. A GET or HEAD has no body
 * to look at: skipping them spares building the full Request on every read.
 */
function bodiesUpTo(maxSize: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize,
    onError: (c) =>
      sendFailure(c, failure('PAYLOAD_TOO_LARGE', 'The request body is larger than 64 KiB.')),
  });
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}
