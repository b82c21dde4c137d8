import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { failure, invalidField } from '../../domain/shared/result.ts';
import type { Deps } from '../../deps.ts';
import { errorFields } from '../../logging/error-summary.ts';
import { sha256Hex } from '../../security/digest.ts';
import { MAX_BODY_DEPTH, nestingDepth } from '../json-depth.ts';
import { sendFailure } from '../respond.ts';
import { isStorableText } from './field-schemas.ts';
import type { MerchantEnv } from './require-bearer.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const MAX_KEY_CHARS = 255;

/** JSON with every object's keys sorted: the same body however its keys were ordered. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 of method, path and canonical body (the raw text when it is not JSON, or nests too
 * deeply for canonicalJson's recursion: the handler refuses both, and the same bytes replay
 * that answer).
 */
export function requestFingerprint(method: string, path: string, body: string): string {
  let canonical = body;
  try {
    const value: unknown = JSON.parse(body);
    if (nestingDepth(value, MAX_BODY_DEPTH) <= MAX_BODY_DEPTH) canonical = canonicalJson(value);
  } catch {
    // Not JSON: kept as its text.
  }
  return sha256Hex(`${method}\n${path}\n${canonical}`);
}

/**
 * SPEC §3.2 `Idempotency-Key`, per account, kept 24 h: the same key and body get the first
 * answer again, byte for byte, with `Idempotent-Replayed: true`; another body is a 422; a
 * request while the first still runs is a 409. A 4xx answer is kept and replayed like a 2xx
 * (as Stripe does: the same request would fail the same way); after a 5xx the key is let go,
 * so that the client's retry runs again. Mounted after authentication, on create only.
 */
export function idempotencyKey(deps: Deps) {
  return createMiddleware<MerchantEnv>(async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (key === undefined) return next();
    if (key.length === 0 || key.length > MAX_KEY_CHARS || !isStorableText(key)) {
      return sendFailure(
        c,
        invalidField(IDEMPOTENCY_HEADER, `Must be 1 to ${MAX_KEY_CHARS} characters.`),
      );
    }
    const accountId = c.get('account').id;
    const fingerprint = requestFingerprint(c.req.method, c.req.path, await c.req.text());
    const claim = await deps.idempotency.claim(accountId, key, fingerprint, deps.clock());
    if (claim.kind === 'replay') {
      c.header('Idempotent-Replayed', 'true');
      c.header('Content-Type', 'application/json');
      return c.body(claim.answer.body, claim.answer.status as ContentfulStatusCode);
    }
    if (claim.kind === 'reused') {
      return sendFailure(
        c,
        failure(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was already used with another request.',
          { [IDEMPOTENCY_HEADER]: ['Already used with another request body.'] },
        ),
      );
    }
    if (claim.kind === 'in_progress') {
      return sendFailure(
        c,
        failure('IDEMPOTENCY_KEY_IN_USE', 'A request with this Idempotency-Key is still running.'),
      );
    }
    try {
      await next();
    } catch (error) {
      await deps.idempotency.release(accountId, key, claim.claimedAt);
      throw error;
    }
    if (c.res.status >= 500) {
      await deps.idempotency.release(accountId, key, claim.claimedAt);
      return;
    }
    const answer = { status: c.res.status, body: await c.res.clone().text() };
    try {
      await deps.idempotency.complete(accountId, key, claim.claimedAt, answer, deps.clock());
    } catch (error) {
      // The link exists: answer it. The unfinished claim lapses after its lease.
      deps.log.warn('idempotency key not recorded', {
        account_id: accountId,
        ...errorFields(error),
      });
    }
  });
}
