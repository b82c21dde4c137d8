import type { ServerOptions } from 'node:http';

/**
 * How long a client may take to send a request (docs/decisions/016). Node's defaults let one
 * trickle its headers for up to 90 s and its body for 300 s, holding a socket and a parser
 * each: a handful of slow clients could keep the server busy for nothing.
 */

/** Every header must have arrived by then (Node's default: 60 s). */
export const HEADERS_TIMEOUT_MS = 10_000;
/**
 * The whole request, body included (Node's default: 300 s). A 64 KiB body, the largest any
 * route takes, needs a few seconds even on a slow mobile link. It bounds receiving the
 * request only, never the answer: an event stream (SPEC §7) lives on.
 */
export const REQUEST_TIMEOUT_MS = 25_000;
/**
 * How often Node looks for connections past those two timeouts (default 30 s, which would
 * let a trickler live 30 s longer than the timeout says). The check is one pass over the open
 * connections.
 */
export const TIMEOUT_CHECK_INTERVAL_MS = 1_000;
/**
 * A socket on which nothing moved for this long, while a request is being served, is closed:
 * a client that stops reading its answer, an answer stuck. Event streams write a heartbeat
 * every 20 s (link-events.ts HEARTBEAT_MS), so this must stay well above it.
 */
export const IDLE_SOCKET_TIMEOUT_MS = 60_000;

/**
 * The options of `http.createServer` (through @hono/node-server's `serverOptions`).
 * `keepAliveTimeoutMs` (KEEP_ALIVE_TIMEOUT_MS, default 65 s; Node's own is 5 s) is how long an
 * idle keep-alive connection is kept. Behind a proxy that reuses connections (nginx upstream
 * keepalive, AWS ALB…) it must be longer than the proxy's idle timeout (60 s for both), else
 * the proxy sends a request on a connection the server is just closing and answers 502.
 */
export function httpServerOptions(keepAliveTimeoutMs: number): ServerOptions {
  return {
    headersTimeout: HEADERS_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    keepAliveTimeout: keepAliveTimeoutMs,
  };
}

/** What can only be set on the server once made: the idle-socket timeout. */
export function applyIdleSocketTimeout(server: { setTimeout: (msecs: number) => unknown }): void {
  // Without a 'timeout' listener Node destroys the socket. While a keep-alive connection
  // waits for its next request, Node uses keepAliveTimeout instead of this.
  server.setTimeout(IDLE_SOCKET_TIMEOUT_MS);
}
