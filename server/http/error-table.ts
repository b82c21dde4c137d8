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
  ADMIN_DISABLED: 404,
  NOT_FOUND: 404,
  LINK_NOT_FOUND: 404,
  REFF_NO_TAKEN: 409,
  NO_METHOD_FOR_AMOUNT: 422,
  METHOD_NOT_ALLOWED: 405,
  INTERNAL_ERROR: 500,
};
