import { createHmac } from 'node:crypto';
import { PhpFloat } from './php-json.ts';

/**
 * The small encodings the SingaPay clients apply before a request leaves them: query strings
 * and the v1.1 token signature with the calendar day each client takes.
 */

/** RFC 3986 percent-encoding (PHP's rawurlencode): only `A-Z a-z 0-9 - _ . ~` stay as they are. */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The JavaScript SDK's query: `String(value)` of each filter, null and undefined left out. */
export function jsQuery(params: Record<string, unknown>): string {
  return Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${rfc3986(key)}=${rfc3986(String(value))}`)
    .join('&');
}

/** PHP's string form of a scalar inside http_build_query: `true` is `1`, `false` is `0`. */
function phpScalar(value: unknown): string {
  if (value === true) return '1';
  if (value === false) return '0';
  // A float becomes text with PHP's `precision` (14): 100000.0 is "100000".
  if (value instanceof PhpFloat) return String(Number(value.value.toPrecision(14)));
  return String(value);
}

/** `http_build_query($params, '', '&', PHP_QUERY_RFC3986)`: nulls dropped, lists as `key[0]`. */
export function phpHttpBuildQuery(params: Record<string, unknown>, prefix = ''): string {
  return Object.entries(params)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => {
      const name = prefix ? `${prefix}[${key}]` : key;
      if (typeof value === 'object' && !(value instanceof PhpFloat)) {
        return phpHttpBuildQuery(value as Record<string, unknown>, name);
      }
      return `${rfc3986(name)}=${rfc3986(phpScalar(value))}`;
    })
    .join('&');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYYMMDD in Asia/Jakarta (UTC+7, no daylight saving): what SPEC §3.1 asks clients to sign. */
export function jakartaDay(now: Date): string {
  const wib = new Date(now.getTime() + 7 * 3600_000);
  return `${wib.getUTCFullYear()}${pad(wib.getUTCMonth() + 1)}${pad(wib.getUTCDate())}`;
}

/** `2026-01-16T00:00:00+07:00`: the start of that WIB day, as a merchant writes a range. */
export function wibMidnight(now: Date): string {
  const day = jakartaDay(now);
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T00:00:00+07:00`;
}

/** YYYYMMDD in UTC: PHP's `date('Ymd')` under the default `date.timezone`. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10).replaceAll('-', '');
}

/** YYYYMMDD in the host's own timezone: `getFullYear()/getMonth()/getDate()` in JavaScript. */
export function hostDay(now: Date): string {
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
}

/** v1.1 `X-Signature`: lowercase hex HMAC-SHA512 of `{client_id}_{client_secret}_{day}`. */
export function tokenSignature(clientId: string, clientSecret: string, day: string): string {
  return createHmac('sha512', clientSecret)
    .update(`${clientId}_${clientSecret}_${day}`)
    .digest('hex');
}
