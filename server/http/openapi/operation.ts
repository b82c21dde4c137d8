import type * as v from 'valibot';
import type { ErrorCode } from '../../domain/shared/result.ts';

/**
 * One documented endpoint: the schemas its handler validates with and answers by, so that the
 * OpenAPI document (build-openapi.ts) is generated from the code and cannot drift from it.
 */
export type Operation = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The full path, with `{name}` for each path parameter (see PATH_PARAMETERS). */
  path: string;
  tag: Tag;
  summary: string;
  description?: string;
  /** Ways to authenticate: any one entry, whose schemes all apply (SECURITY_SCHEMES). */
  security?: readonly (readonly SecurityScheme[])[];
  headers?: readonly HeaderParameter[];
  query?: v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>;
  /** The body's schema per media type it is read as; the example is a JSON one. */
  body?: { media: Partial<Record<BodyMedia, v.GenericSchema>>; example?: unknown };
  /** The answers other than failures, by HTTP status. */
  replies: Readonly<Record<number, Reply>>;
  /** The failure reasons it can answer; statuses come from error-table.ts. */
  failures: readonly ErrorCode[];
  /** The v1.0 envelope, or JSON:API error objects (the v4 dialect). */
  errorStyle: 'envelope' | 'json-api';
};

export type Reply = {
  description: string;
  /** A JSON body, as its valibot schema. */
  json?: v.GenericSchema;
  /** Another body's media type (`image/png`), or the types it may be, without a schema. */
  media?: string | readonly string[];
  /** Response headers: name → what it says. */
  headers?: Readonly<Record<string, string>>;
};

export type HeaderParameter = { name: string; description: string; required: boolean };

export type BodyMedia = 'application/json' | 'application/x-www-form-urlencoded';

export const TAGS = {
  'v1.0 access tokens': 'Tokens for the v1.0 API, from the account credentials.',
  'v1.0 payment links': 'Create, read, change and delete payment links.',
  'v1.0 payments and callbacks': 'The payments made on links, and the callbacks sent about them.',
  'v2.0 payment links':
    'SingaPay’s current payment-link API: the v1.0 tokens, envelope and link object (SPEC §3.5).',
  'v4 payment links': 'The v4 (Fazz-style) dialect, with JSON:API bodies and HTTP Basic.',
  Checkout: "What the customer's page (`/b2b/{public_id}`) calls; usable by any client.",
  Sandbox:
    'The bank simulator: pays and settles like a bank (`PAYMENT_PROVIDER=sandbox` only; 404 otherwise).',
  Gateways:
    'Notifications from a payment gateway (SPEC §10; only with that `PAYMENT_PROVIDER`, 404 otherwise).',
  Admin: 'Creating and changing merchant accounts (only when `ADMIN_TOKEN` is set).',
  Service: 'Health and this document.',
} as const;

export type Tag = keyof typeof TAGS;

/** Every path parameter of the API, described once. */
export const PATH_PARAMETERS: Readonly<Record<string, string>> = {
  account_id:
    'The account id (a ULID). On the merchant API it must be the access token’s own account (else 403).',
  payment_link_id: 'The numeric id of a payment link of the account.',
  history_id: 'The numeric id of a payment of the account.',
  v4_id: 'The v4 id of the link, `paymentlink_` and 32 hex digits.',
  public_id: 'The public id of the link, as in its `payment_url`.',
  reff_no: 'The `reff_no` of a payment on that link.',
  provider: 'The payment provider, as `PAYMENT_PROVIDER` names it (`midtrans`).',
  logo_file: 'The logo’s content hash and type, as in `logo_url`: `<32 hex>.png|jpg|webp`.',
  brand_file: 'The colour and a version, as the page links it: `<rrggbb>-<12 hex>.css`.',
};

export const SECURITY_SCHEMES = {
  accessToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'A v1.0 access token from `POST /api/v1.0/access-token/b2b` (15 minutes).',
  },
  partnerId: {
    type: 'apiKey',
    in: 'header',
    name: 'X-PARTNER-ID',
    description: 'The account’s api_key, sent with every v1.0 call.',
  },
  clientCredentials: {
    type: 'http',
    scheme: 'basic',
    description: 'HTTP Basic with the account’s client_id and client_secret.',
  },
  clientId: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CLIENT-ID',
    description: 'The account’s client_id (v1.1 token grant).',
  },
  signature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Signature',
    description:
      'v1.1: hex HMAC-SHA512 keyed with client_secret of `{client_id}_{client_secret}_{yyyyMMdd}` (today in Asia/Jakarta).',
  },
  adminToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'The server’s ADMIN_TOKEN.',
  },
} as const;

export type SecurityScheme = keyof typeof SECURITY_SCHEMES;

/** What any JSON body can be refused for before it is read as the endpoint's input. */
export const BODY_FAILURES = [
  'MALFORMED_BODY',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'VALIDATION_FAILED',
] as const satisfies readonly ErrorCode[];

/** A v1.0 call with a bearer token on `/{account_id}` paths (SPEC §3.1; §9 limits). */
export const BEARER_FAILURES = [
  'TOO_MANY_REQUESTS',
  'UNAUTHENTICATED',
  'INVALID_TOKEN',
  'PARTNER_MISMATCH',
  'ACCOUNT_SUSPENDED',
  'ACCOUNT_MISMATCH',
] as const satisfies readonly ErrorCode[];

export const BEARER = [['accessToken', 'partnerId']] as const satisfies Operation['security'];
