import type { Context, MiddlewareHandler } from 'hono';
import {
  DEFAULT_RATE_LIMITS,
  type LimitName,
  type RateLimitSettings,
} from '../../config/rate-limit-settings.ts';
import type { Config } from '../../config/env.ts';
import type { Clock } from '../../domain/shared/clock.ts';
import { type Failure, failure } from '../../domain/shared/result.ts';
import { sha256Hex } from '../../security/digest.ts';
import { clientKeyOf } from './client-address.ts';
import { createFixedWindow, type FixedWindow } from './fixed-window.ts';

/**
 * Keys each limit remembers at most (about 150 bytes each): a flood of distinct addresses
 * forgets the least recently seen ones instead of growing the process (decision 013).
 */
const MAX_KEYS_PER_LIMIT = 10_000;

/** Sends a failure in one dialect's shape (the v1.0 envelope, JSON:API). */
export type SendFailure = (c: Context, failed: Failure) => Response;

/** The limits of SPEC §9, one counter set per process, each door in its own dialect. */
export type RateLimits = {
  /**
   * Notes the client of a write while its Request is the server's own: a body limit later
   * wraps the Request in a new one, which no longer carries the socket's address.
   */
  identifyClient: MiddlewareHandler;
  /** Token grants: every request counts, per X-PARTNER-ID and per client address. */
  tokenGrants: (send: SendFailure) => MiddlewareHandler;
  /** Admin calls: only refused admin tokens (401) count; over the limit every call waits. */
  adminFailures: (send: SendFailure) => MiddlewareHandler;
  /** v1.0 bearer and v4 Basic calls: only refused credentials (401) count, per address. */
  apiFailures: (send: SendFailure) => MiddlewareHandler;
  /** Gateway notifications (SPEC §10): only unverified ones (401) count, per address. */
  notificationFailures: (send: SendFailure) => MiddlewareHandler;
  /** Sandbox writes (every method but GET, HEAD and OPTIONS) per client address. */
  sandboxWrites: (send: SendFailure) => MiddlewareHandler;
  /**
   * Payment starts (and, counted apart, cancels) per link and client address: 0 when this one
   * may go (it is counted), else the whole seconds to wait. The checkout answers the refusal
   * itself, as JSON or as the page.
   */
  paymentAttempt: (c: Context, action: 'start' | 'cancel', publicId: string) => number;
};

/** A 429 failure whose message says when to try again. */
export function tooManyRequests(seconds: number): Failure {
  return failure(
    'TOO_MANY_REQUESTS',
    `Too many requests: try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
  );
}

/** `429` with `Retry-After` (RFC 9110 §10.2.3, whole seconds) in the door's dialect. */
function refuse(c: Context, send: SendFailure, seconds: number): Response {
  c.header('Retry-After', String(seconds));
  return send(c, tooManyRequests(seconds));
}

/** The context variable that holds the client's rate-limit key once it is known. */
const CLIENT_KEY = 'rateLimitClient';

const isRead = (method: string) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';

/** Builds the counters from RATE_LIMITS (defaults when unset) and TRUST_PROXY. */
export function createRateLimits(config: Config, clock: Clock): RateLimits {
  const settings: RateLimitSettings = config.RATE_LIMITS ?? DEFAULT_RATE_LIMITS;
  const windowOf = (name: LimitName): FixedWindow | null => {
    const setting = settings[name];
    if (setting === 'off') return null;
    const { count: limit, seconds: windowSeconds } = setting;
    return createFixedWindow({ limit, windowSeconds, clock, maxKeys: MAX_KEYS_PER_LIMIT });
  };
  const clientOf = clientKeyReader(config.TRUST_PROXY ?? 0);
  const [partner, ip] = [windowOf('token_partner'), windowOf('token_ip')];
  const [admin, api] = [windowOf('admin_failures'), windowOf('api_failures')];
  const [sandbox, payments] = [windowOf('sandbox_writes'), windowOf('payment_start')];
  const notifications = windowOf('notification_failures');

  return {
    identifyClient: (c, next) => {
      if (!isRead(c.req.method)) clientOf(c);
      return next();
    },
    // The partner id is an api_key: memory holds its hash, not the key.
    tokenGrants: (send) => countEvery((c) => [partnerKeyOf(c), clientOf(c)], [partner, ip], send),
    adminFailures: (send) => countFailures(admin, clientOf, send),
    apiFailures: (send) => countFailures(api, clientOf, send),
    notificationFailures: (send) => countFailures(notifications, clientOf, send),
    sandboxWrites: (send) => {
      const limit = countEvery((c) => [clientOf(c)], [sandbox], send);
      return (c, next) => (isRead(c.req.method) ? next() : limit(c, next));
    },
    paymentAttempt(c, action, publicId) {
      if (!payments) return 0;
      // A public id is 48 characters; a longer path segment is no link, and no bigger key.
      const key = `${action} ${publicId.slice(0, 64)} ${clientOf(c)}`;
      const wait = payments.retryAfter(key);
      if (wait === 0) payments.count(key);
      return wait;
    },
  };
}

/** The client's key, worked out once per request and kept on its context. */
function clientKeyReader(trustedHops: number): (c: Context) => string {
  return (c) => {
    const noted: unknown = c.get(CLIENT_KEY as never);
    if (typeof noted === 'string') return noted;
    const key = clientKeyOf(c.req.raw, c.req.header('x-forwarded-for'), trustedHops);
    c.set(CLIENT_KEY as never, key as never);
    return key;
  };
}

function partnerKeyOf(c: Context): string | null {
  const partnerId = c.req.header('x-partner-id');
  return partnerId ? sha256Hex(partnerId) : null;
}

/**
 * Counts every request against each window under the key `keysOf` gives it (a null key or
 * window is no limit). Over any one of them, the request counts against none.
 */
function countEvery(
  keysOf: (c: Context) => (string | null)[],
  windows: (FixedWindow | null)[],
  send: SendFailure,
): MiddlewareHandler {
  return async (c, next) => {
    const keys = keysOf(c);
    const counted = windows.flatMap((window, index) => {
      const key = keys[index];
      return window && key ? [{ window, key }] : [];
    });
    const wait = Math.max(0, ...counted.map(({ window, key }) => window.retryAfter(key)));
    if (wait > 0) return refuse(c, send, wait);
    for (const { window, key } of counted) window.count(key);
    return next();
  };
}

/**
 * Counts the answers that refused credentials (401). The count is taken before the request
 * runs and given back when it was not refused, so that a burst of concurrent guesses cannot
 * all slip in before the first one fails. Over the limit even right credentials wait: else the
 * 429s would tell a guesser which guess was right.
 */
function countFailures(
  window: FixedWindow | null,
  clientOf: (c: Context) => string,
  send: SendFailure,
): MiddlewareHandler {
  return async (c, next) => {
    if (!window) return next();
    const key = clientOf(c);
    const wait = window.retryAfter(key);
    if (wait > 0) return refuse(c, send, wait);
    const ticket = window.count(key);
    await next();
    if (c.res.status !== 401) window.refund(ticket);
  };
}
