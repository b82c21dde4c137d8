import {
  hostDay,
  jakartaDay,
  jsQuery,
  phpHttpBuildQuery,
  tokenSignature,
  utcDay,
} from './client-encoding.ts';
import { phpJsonEncode } from './php-json.ts';
import type { Credentials, Dialect } from './sdk-client.ts';

/**
 * How each public SingaPay client puts its requests on the wire, written from its documented
 * behaviour (README, docblocks and endpoint tables; reference §0 names the aliziodev
 * repositories, SingaPay's own SDKs are `@singapay/payment-gateway` on npm and
 * `singapay/payment-gateway` on Packagist):
 *
 * - singapay-js (aliziodev/singapay-js): fetch; v1.1 token signed with the Asia/Jakarta day
 *   (or v1.0 Basic); JSON bodies; RFC 3986 query of `String(value)`.
 * - @singapay/payment-gateway (SingaPay's JavaScript SDK): axios; v1.1 token signed with the
 *   host's local day plus an `X-Timestamp`; `Content-Type: application/json` on every call.
 * - laravel-singapay (aliziodev/laravel-singapay): Laravel's HTTP client on Guzzle; v1.1 token
 *   signed with the Jakarta day (or v1.0 Basic); bodies by `json_encode` (slashes and
 *   non-ASCII escaped); queries by `http_build_query` (`true` is `1`).
 * - singapay/payment-gateway (SingaPay's PHP SDK): v1.1 token signed with `date('Ymd')`, the
 *   UTC day under PHP's default timezone; json_encode bodies; headers on every call.
 */

const JSON_TYPE = 'application/json';
const GRANT = { grant_type: 'client_credentials' };

const basic = (c: Credentials) =>
  `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`;

/** Query strings an SDK writes into the path itself (`?page=${page}&per_page=${perPage}`). */
const templateQuery = (query: Record<string, unknown>) =>
  Object.entries(query)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join('&');

export type TokenVersion = '1.0' | '1.1';

export function singapayJs(version: TokenVersion = '1.1'): Dialect {
  return {
    tokenRequest: (c, now) => ({
      path: `/api/v${version}/access-token/b2b`,
      headers: {
        'Content-Type': JSON_TYPE,
        Accept: JSON_TYPE,
        'X-PARTNER-ID': c.apiKey,
        ...(version === '1.1'
          ? {
              'X-CLIENT-ID': c.clientId,
              'X-Signature': tokenSignature(c.clientId, c.clientSecret, jakartaDay(now)),
            }
          : { Authorization: basic(c) }),
      },
      body: JSON.stringify(GRANT),
    }),
    callHeaders: (c, token, hasBody) => ({
      Accept: JSON_TYPE,
      Authorization: `Bearer ${token}`,
      'X-PARTNER-ID': c.apiKey,
      ...(hasBody ? { 'Content-Type': JSON_TYPE } : {}),
    }),
    encodeBody: (body) => JSON.stringify(body),
    encodeQuery: jsQuery,
  };
}

export function singapayOfficialJs(): Dialect {
  return {
    tokenRequest: (c, now) => ({
      path: '/api/v1.1/access-token/b2b',
      headers: {
        'X-CLIENT-ID': c.clientId,
        'X-PARTNER-ID': c.apiKey,
        'X-Timestamp': String(Math.floor(now.getTime() / 1000)),
        'X-Signature': tokenSignature(c.clientId, c.clientSecret, hostDay(now)),
        Accept: JSON_TYPE,
        'Content-Type': JSON_TYPE,
      },
      body: JSON.stringify(GRANT),
    }),
    callHeaders: (c, token) => ({
      'X-PARTNER-ID': c.apiKey,
      Authorization: `Bearer ${token}`,
      Accept: JSON_TYPE,
      'Content-Type': JSON_TYPE,
    }),
    encodeBody: (body) => JSON.stringify(body),
    encodeQuery: templateQuery,
  };
}

const GUZZLE = 'GuzzleHttp/7';

export function laravelSingapay(version: TokenVersion = '1.1'): Dialect {
  return {
    tokenRequest: (c, now) => ({
      path: `/api/v${version}/access-token/b2b`,
      headers: {
        'User-Agent': GUZZLE,
        Accept: JSON_TYPE,
        'Content-Type': JSON_TYPE,
        'X-PARTNER-ID': c.apiKey,
        ...(version === '1.1'
          ? {
              'X-CLIENT-ID': c.clientId,
              'X-Signature': tokenSignature(c.clientId, c.clientSecret, jakartaDay(now)),
            }
          : { Authorization: basic(c) }),
      },
      body: phpJsonEncode(GRANT),
    }),
    callHeaders: (c, token, hasBody) => ({
      'User-Agent': GUZZLE,
      Accept: JSON_TYPE,
      Authorization: `Bearer ${token}`,
      'X-PARTNER-ID': c.apiKey,
      ...(hasBody ? { 'Content-Type': JSON_TYPE } : {}),
    }),
    encodeBody: (body) => phpJsonEncode(body),
    encodeQuery: phpHttpBuildQuery,
  };
}

export function singapayOfficialPhp(): Dialect {
  return {
    tokenRequest: (c, now) => ({
      path: '/api/v1.1/access-token/b2b',
      headers: {
        Accept: JSON_TYPE,
        'X-PARTNER-ID': c.apiKey,
        'X-CLIENT-ID': c.clientId,
        'X-Signature': tokenSignature(c.clientId, c.clientSecret, utcDay(now)),
        'Content-Type': JSON_TYPE,
      },
      body: phpJsonEncode(GRANT),
    }),
    callHeaders: (c, token) => ({
      'X-PARTNER-ID': c.apiKey,
      Authorization: `Bearer ${token}`,
      Accept: JSON_TYPE,
      'Content-Type': JSON_TYPE,
    }),
    encodeBody: (body) => phpJsonEncode(body),
    encodeQuery: templateQuery,
  };
}
