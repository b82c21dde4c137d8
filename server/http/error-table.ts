import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../domain/shared/result.ts';

/** The one place where failure codes become HTTP statuses (SPEC §3). */
export const HTTP_STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  VALIDATION_FAILED: 422,
  MALFORMED_BODY: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_SIGNATURE: 401,
  INVALID_TOKEN: 401,
  PARTNER_MISMATCH: 403,
  ACCOUNT_MISMATCH: 403,
  ACCOUNT_SUSPENDED: 403,
  FORBIDDEN_ORIGIN: 403,
  ADMIN_DISABLED: 404,
  ACCOUNT_NOT_FOUND: 404,
  NOT_FOUND: 404,
  LINK_NOT_FOUND: 404,
  REFF_NO_TAKEN: 409,
  LINK_HAS_PAYMENTS: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_KEY_IN_USE: 409,
  NO_METHOD_FOR_AMOUNT: 422,
  LINK_NOT_OPEN: 409,
  METHOD_NOT_OFFERED: 422,
  CUSTOMER_DETAILS_REQUIRED: 422,
  CUSTOMER_BOUND: 422,
  PAYMENT_NOT_FOUND: 404,
  NOT_PAYABLE: 409,
  WRONG_AMOUNT: 422,
  NOT_SETTLEABLE: 409,
  // SPEC §10: the gateway failed or timed out (try again), or refused this method (choose another).
  GATEWAY_UNAVAILABLE: 503,
  METHOD_UNAVAILABLE: 422,
  METHOD_NOT_ALLOWED: 405,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

/** SPEC §9 "Outages": the `Retry-After` of a 503, in seconds; the pool reconnects at once. */
export const RETRY_AFTER_SECONDS = 5;
