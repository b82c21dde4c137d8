import type { Context } from 'hono';
import * as v from 'valibot';
import type { ErrorCode, Failure } from '../../domain/shared/result.ts';
import { HTTP_STATUS, RETRY_AFTER_SECONDS } from '../error-table.ts';

/** A JSON:API error object (SPEC §4): `status` is a string, as JSON:API 1.1 §7.2 has it. */
export type JsonApiError = {
  status: string;
  /** The closed failure code (server/domain/shared/result.ts), as JSON:API's `code`. */
  code: string;
  title: string;
  detail: string;
  source?: { pointer: string };
};

/** `{"errors": [...]}` for one status and the reasons it may carry (the API reference). */
export function jsonApiFailureDocument(status: number, reasons: readonly ErrorCode[]) {
  return v.strictObject({
    errors: v.pipe(
      v.array(
        v.strictObject({
          status: v.literal(String(status)),
          code: v.picklist(reasons),
          title: v.string(),
          detail: v.string(),
          source: v.optional(v.strictObject({ pointer: v.string() })),
        }),
      ),
      v.minLength(1),
    ),
  });
}

/** Short, stable titles per status: the detail says what went wrong. */
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const ATTRIBUTES = 'data.attributes';

/** Fields named by the use cases (v1.0 names) → the v4 attribute that carried them. */
const DOMAIN_FIELDS: Record<string, string> = {
  total_amount: `${ATTRIBUTES}.amount`,
  reff_no: `${ATTRIBUTES}.referenceId`,
  expired_at: `${ATTRIBUTES}.expiredAt`,
  title: `${ATTRIBUTES}.description`,
};

/**
 * A field path to a JSON Pointer (RFC 6901): `data.attributes.amount` → `/data/attributes/amount`;
 * `body` (the document itself) → `""`. Member names here are the schema's own, so none holds
 * a `.`, `~` or `/` to escape.
 */
function pointerOf(field: string): string {
  if (field === 'body') return '';
  const path = field.startsWith(`${ATTRIBUTES}.`) || field === 'data' || field === ATTRIBUTES;
  return `/${(path ? field : (DOMAIN_FIELDS[field] ?? ATTRIBUTES)).replaceAll('.', '/')}`;
}

/** One error object per bad field (its first message), else one for the whole request. */
export function jsonApiErrors(failed: Failure): JsonApiError[] {
  const status = HTTP_STATUS[failed.code];
  const base = { status: String(status), code: failed.code, title: TITLES[status] ?? 'Error' };
  const fields = Object.entries(failed.errors ?? {});
  if (fields.length === 0) return [{ ...base, detail: failed.message }];
  const byPointer = new Map<string, JsonApiError>();
  for (const [field, messages] of fields) {
    const pointer = pointerOf(field);
    if (byPointer.has(pointer)) continue;
    byPointer.set(pointer, { ...base, detail: messages[0] ?? failed.message, source: { pointer } });
  }
  return [...byPointer.values()];
}

/**
 * `{"errors": [...]}` with the failure's status. A 401 names the Basic scheme (RFC 7617 §2),
 * so that a client knows how to authenticate.
 */
export function sendJsonApiFailure(c: Context, failed: Failure) {
  const status = HTTP_STATUS[failed.code];
  if (status === 401) c.header('WWW-Authenticate', 'Basic realm="Paylink"');
  if (status === 503) c.header('Retry-After', String(RETRY_AFTER_SECONDS));
  return c.json({ errors: jsonApiErrors(failed) }, status);
}
