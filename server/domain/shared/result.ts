/**
 * Expected failures are values with closed codes; `throw` is for bugs and broken
 * infrastructure. server/http/error-table.ts maps each code to an HTTP status.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_BODY',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'INVALID_SIGNATURE',
  'INVALID_TOKEN',
  'PARTNER_MISMATCH',
  'ACCOUNT_MISMATCH',
  'ACCOUNT_SUSPENDED',
  'FORBIDDEN_ORIGIN',
  'ADMIN_DISABLED',
  'ACCOUNT_NOT_FOUND',
  'NOT_FOUND',
  'LINK_NOT_FOUND',
  'REFF_NO_TAKEN',
  'LINK_HAS_PAYMENTS',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_KEY_IN_USE',
  'NO_METHOD_FOR_AMOUNT',
  'LINK_NOT_OPEN',
  'METHOD_NOT_OFFERED',
  'CUSTOMER_DETAILS_REQUIRED',
  'CUSTOMER_BOUND',
  'PAYMENT_NOT_FOUND',
  'NOT_PAYABLE',
  'WRONG_AMOUNT',
  'NOT_SETTLEABLE',
  'GATEWAY_UNAVAILABLE',
  'METHOD_UNAVAILABLE',
  'METHOD_NOT_ALLOWED',
  'TOO_MANY_REQUESTS',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field path (`items.0.quantity`) → messages, as in the 422 envelope (SPEC §3). */
export type FieldErrors = Record<string, string[]>;

export type Failure = {
  ok: false;
  code: ErrorCode;
  message: string;
  errors?: FieldErrors;
};

export type Result<T> = { ok: true; value: T } | Failure;

export function success<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function failure(code: ErrorCode, message: string, errors?: FieldErrors): Failure {
  return errors ? { ok: false, code, message, errors } : { ok: false, code, message };
}

/** A 422 naming one field. */
export function invalidField(field: string, message: string): Failure {
  return failure('VALIDATION_FAILED', 'The given data was invalid.', { [field]: [message] });
}
