import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApp as createAstroApp } from 'astro/app/entrypoint';
import { Hono } from 'hono';
import fetchApp, { answerFromPageCache, isAnsweredWithoutPages } from '../../src/fetch.ts';
import { healthCheck } from '../http/health.ts';
import { sendFailure } from '../http/respond.ts';
import { securityHeaderValues } from '../http/security-headers.ts';
import { rememberClientAddress } from '../http/rate-limit/client-address.ts';
import { isReadablePath, rawPathOf } from '../http/readable-path.ts';
import { createThrownReporter, failureFor } from '../http/thrown-errors.ts';
import { paylink } from '../runtime.ts';
import { serveClientAssets } from './client-assets.ts';
import { routeConsoleToLog } from './console-to-log.ts';
import { applyIdleSocketTimeout, httpServerOptions } from './http-timeouts.ts';

/**
 * The production server: Hono on @hono/node-server serves the built client assets from
 * memory and hands everything else to Astro's app, whose fetch handler is src/fetch.ts.
 */
const { log } = paylink.deps;
routeConsoleToLog(log);
const astroApp = createAstroApp();
const server = new Hono();
const https = paylink.deps.config.PUBLIC_BASE_URL.startsWith('https:');
server.use(
  await serveClientAssets(new URL('../client/', import.meta.url), securityHeaderValues({ https })),
);
// What Hono answers alone (APIs, health, a cached page) skips Astro's page pipeline: on a
// flash sale that pipeline, not the page, was the cost (docs/decisions/009).
const answerHealth = healthCheck(paylink.deps);
server.get('/healthz', () => answerHealth());
server.all('*', (c) => {
  const request = c.req.raw;
  // The socket's peer, for the limits (SPEC §9) and Astro.clientAddress: the apps below get
  // the Request alone.
  rememberClientAddress(request, getConnInfo(c).remote.address);
  const path = rawPathOf(request.url);
  if (!isReadablePath(path)) return answerUnreadablePath(request);
  // The app gets the Node bindings too: its security headers go straight on the response.
  return (
    answerFromPageCache(request, path) ??
    (isAnsweredWithoutPages(request, path)
      ? fetchApp.fetch(request, c.env)
      : astroApp.render(request))
  );
});
// The app answers its own errors (server/http/app.ts); this catches what fails around it.
const reportThrown = createThrownReporter(paylink.deps);
server.onError((error, c) => {
  const kind = reportThrown(error, {
    method: c.req.method,
    route: '(server)',
    signal: c.req.raw.signal,
  });
  return sendFailure(c, failureFor(kind));
});

/**
 * SPEC §9: a path with control characters, NUL or invalid UTF-8 never reaches Astro, whose
 * router decodes it (logging an error) before our page code decoded it again (a 500). A page
 * read gets the 404 page, rendered as Astro renders it for any unknown page; anything else
 * gets the app's JSON 404 (server/http/app.ts).
 */
function answerUnreadablePath(request: Request) {
  const isRead = request.method === 'GET' || request.method === 'HEAD';
  if (!isRead || isAnsweredWithoutPages(request)) return fetchApp.fetch(request);
  const notFoundPage = new URL('/404', request.url);
  return astroApp.render(
    new Request(notFoundPage, { method: request.method, headers: request.headers }),
  );
}

// `npm start` bounds the process's memory with V8 flags that only work on the command line
// (docs/decisions/010-memory-and-start.md); run by hand without them, the server still works.
if (!process.execArgv.includes('--liftoff-only')) {
  log.warn(
    'started without the V8 flags of `npm start` (package.json): expect several times more memory',
  );
}

const { HOST, PORT, KEEP_ALIVE_TIMEOUT_MS } = paylink.deps.config;
const httpServer = serve(
  {
    fetch: server.fetch,
    hostname: HOST,
    port: PORT,
    // A client that trickles its request is cut within 30 s (docs/decisions/016).
    serverOptions: httpServerOptions(KEEP_ALIVE_TIMEOUT_MS),
  },
  (info) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    log.info(`Paylink listening on http://${host}:${info.port}`);
  },
);
applyIdleSocketTimeout(httpServer);

let closing = false;
function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log.info('closing', { signal });
  httpServer.close(() => {
    paylink.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
