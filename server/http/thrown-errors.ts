import type { Context } from 'hono';
import { routePath } from 'hono/route';
import { type Failure, failure } from '../domain/shared/result.ts';
import { errorFields } from '../logging/error-summary.ts';
import type { Logger } from '../logger.ts';
import { databaseUnavailableReason, errorChain } from '../store/database-unavailable.ts';

/**
 * What a thrown error turned out to be: the client hung up (not our failure), the database is
 * out of reach (503, SPEC §9 "Outages"), or a bug (500).
 */
export type ThrownKind = 'client_abort' | 'database_unavailable' | 'failure';

/** At most one warning per this while the database is out of reach; the rest at debug. */
const OUTAGE_WARNING_EVERY_MS = 10_000;

/**
 * Node rejects a body read with `Error('aborted')` (code ECONNRESET) when the client closes
 * the connection mid-request; @hono/node-server aborts the request's signal then too.
 */
export function isClientAbort(error: unknown, signal?: AbortSignal): boolean {
  if (!(error instanceof Error)) return false;
  if (errorChain(error).some((link) => link instanceof Error && 'query' in link)) return false;
  if (signal?.aborted && (error === signal.reason || error.name === 'AbortError')) return true;
  return error.message === 'aborted' && (error as { code?: unknown }).code === 'ECONNRESET';
}

export function classifyThrown(error: unknown, signal?: AbortSignal): ThrownKind {
  if (isClientAbort(error, signal)) return 'client_abort';
  return databaseUnavailableReason(error) ? 'database_unavailable' : 'failure';
}

/** The answer's failure for each kind, in the dialect's own shape (the caller sends it). */
export function failureFor(kind: ThrownKind): Failure {
  if (kind === 'client_abort')
    return failure('MALFORMED_BODY', 'The request ended before it was complete.');
  if (kind === 'database_unavailable')
    return failure('SERVICE_UNAVAILABLE', 'Paylink cannot reach its database; try again shortly.');
  return failure('INTERNAL_ERROR', 'Something went wrong on our side.');
}

/**
 * The route a request matched (`/b2b/:publicId/status`), never its path: a path carries the
 * link's public id (SPEC §9 "Logs"). Pages match `*`; their ids are cut out of the path.
 */
export function routeOf(c: Context): string {
  const route = routePath(c);
  if (route && !route.includes('*')) return route;
  return c.req.path
    .replace(/^\/b2b\/[^/]+/, '/b2b/:publicId')
    .replace(/\/payments\/[^/]+/, '/payments/:reffNo')
    .slice(0, 120);
}

export type ThrownReporter = (
  error: unknown,
  request: { method: string; route: string; signal?: AbortSignal },
) => ThrownKind;

/** The outage warnings of one process (one Deps), whichever of its handlers answered. */
const outageWarnings = new WeakMap<object, { warnedAt: number; quietCount: number }>();

/**
 * Logs a thrown error as what it is: a client abort at debug, an outage as one warning per
 * ten seconds (each request at debug), a bug at error with its safe summary (error-summary.ts).
 */
export function createThrownReporter(
  deps: { log: Logger },
  now: () => number = Date.now,
): ThrownReporter {
  const warnings = outageWarnings.get(deps) ?? {
    warnedAt: Number.NEGATIVE_INFINITY,
    quietCount: 0,
  };
  outageWarnings.set(deps, warnings);
  return (error, { method, route, signal }) => {
    const { log } = deps;
    const kind = classifyThrown(error, signal);
    if (kind === 'client_abort') {
      log.debug('client went away before the answer', { method, route });
    } else if (kind === 'database_unavailable') {
      const reason = databaseUnavailableReason(error);
      log.debug('answered 503: database unreachable', { method, route, reason });
      if (now() - warnings.warnedAt < OUTAGE_WARNING_EVERY_MS) {
        warnings.quietCount += 1;
      } else {
        log.warn('database unreachable: answering 503', {
          reason,
          more_since_last: warnings.quietCount,
        });
        warnings.warnedAt = now();
        warnings.quietCount = 0;
      }
    } else {
      log.error('unhandled error', { method, route, ...errorFields(error, { stack: true }) });
    }
    return kind;
  };
}
