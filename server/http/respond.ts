import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Failure } from '../domain/shared/result.ts';
import type { Pagination } from './envelope-schemas.ts';
import { HTTP_STATUS, RETRY_AFTER_SECONDS } from './error-table.ts';

/** `{"status", "success": true, "data"}` (SPEC §3). */
export function sendData(c: Context, data: unknown, status: ContentfulStatusCode = 200) {
  return c.json({ status, success: true, data }, status);
}

/** A JSON answer whose text is made already: the bytes and headers `c.json` would send. */
export function sendJsonText(c: Context, text: string, status: ContentfulStatusCode = 200) {
  return c.body(text, status, { 'Content-Type': 'application/json' });
}

export function sendList(c: Context, data: unknown[], pagination: Pagination) {
  return c.json({ status: 200, success: true, data, pagination }, 200);
}

/**
 * `{"status", "success": false, "error": {"code", "message", "reason"}}`; a 422 also carries
 * the field map, both beside `error` (SPEC §3) and inside it (as the gateway's clients read it).
 */
export function sendFailure(c: Context, failed: Failure) {
  const status = HTTP_STATUS[failed.code];
  if (status === 401) c.header('WWW-Authenticate', 'Bearer');
  if (status === 503) c.header('Retry-After', String(RETRY_AFTER_SECONDS));
  const error = { code: status, message: failed.message, reason: failed.code };
  const body = failed.errors
    ? { status, success: false, error: { ...error, errors: failed.errors }, errors: failed.errors }
    : { status, success: false, error };
  return c.json(body, status);
}

export function paginate(total: number, count: number, page: number, perPage: number): Pagination {
  return {
    total,
    count,
    per_page: perPage,
    current_page: page,
    total_pages: Math.max(1, Math.ceil(total / perPage)),
  };
}
