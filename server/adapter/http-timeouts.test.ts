import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/env.ts';
import { HEARTBEAT_MS } from '../http/checkout/link-events.ts';
import {
  applyIdleSocketTimeout,
  httpServerOptions,
  IDLE_SOCKET_TIMEOUT_MS,
  TIMEOUT_CHECK_INTERVAL_MS,
} from './http-timeouts.ts';

// docs/decisions/016. tests/integration/server-timeouts.test.ts drives the built server with
// these values; this pins the promises they make, whatever the values become.
describe('the HTTP server timeouts', () => {
  const config = loadConfig({});
  const server = createServer(httpServerOptions(config.KEEP_ALIVE_TIMEOUT_MS));
  applyIdleSocketTimeout(server);

  it('cut a trickling client within 30 s, headers or body, counting the check interval', () => {
    expect(server.headersTimeout + TIMEOUT_CHECK_INTERVAL_MS).toBeLessThanOrEqual(30_000);
    expect(server.requestTimeout + TIMEOUT_CHECK_INTERVAL_MS).toBeLessThanOrEqual(30_000);
    // Node refuses a headers timeout longer than the whole request's.
    expect(server.headersTimeout).toBeLessThanOrEqual(server.requestTimeout);
  });

  it('keep an event stream whose heartbeats are its only traffic', () => {
    expect(server.timeout).toBe(IDLE_SOCKET_TIMEOUT_MS);
    expect(server.timeout).toBeGreaterThanOrEqual(2 * HEARTBEAT_MS);
  });

  it('keep idle connections longer than a proxy in front does (nginx, AWS ALB: 60 s)', () => {
    expect(server.keepAliveTimeout).toBeGreaterThan(60_000);
    const short = createServer(
      httpServerOptions(loadConfig({ KEEP_ALIVE_TIMEOUT_MS: '5000' }).KEEP_ALIVE_TIMEOUT_MS),
    );
    expect(short.keepAliveTimeout).toBe(5_000);
  });

  it('refuses a keep-alive timeout that is not whole milliseconds of at least 1 s', () => {
    expect(() => loadConfig({ KEEP_ALIVE_TIMEOUT_MS: '65s' })).toThrow(/KEEP_ALIVE_TIMEOUT_MS/);
    expect(() => loadConfig({ KEEP_ALIVE_TIMEOUT_MS: '10' })).toThrow(/KEEP_ALIVE_TIMEOUT_MS/);
  });
});
