import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { ReceivedCallback } from '../../support/merchant-receiver.ts';
import { phpJsonDecode, phpJsonEncode, phpKsortRecursive } from './php-json.ts';

/**
 * How a merchant using a SingaPay SDK checks `X-Signature` (reference §4.4), written from each
 * SDK's documented rules: HMAC-SHA512 with the client secret over
 * `POST:{endpoint}:{token}:{sha256(body)}:{X-Timestamp}`, where the body is first re-encoded
 * the SDK's way (the raw bytes are tried second), and a timestamp more than 300 s from the
 * merchant's clock is refused as a replay.
 */

/** Which body form matched, or why the delivery was refused. */
export type Verdict = 'normalized' | 'raw' | `refused: ${string}`;

export type VerifyOptions = {
  /** The callback path and query as configured (the SDKs' `endpoint`, Laravel's request URI). */
  endpoint: string;
  clientSecret: string;
  /** The merchant's clock. */
  now: Date;
};

const TOLERANCE_S = 300;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function header(request: ReceivedCallback, name: string): string | null {
  const value = request.headers[name.toLowerCase()];
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * singapay-js's re-encoding: keys sorted by UTF-8 bytes, compact; `{}` written `[]` and keys
 * exactly "0".."n-1" written as a list, as the PHP sample it mirrors does.
 */
export function singapayJsNormalize(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(singapayJsNormalize).join(',')}]`;
  const entries = Object.entries(value).sort(([a], [b]) =>
    Buffer.compare(Buffer.from(a), Buffer.from(b)),
  );
  if (entries.every(([key], index) => key === String(index))) {
    return `[${entries.map(([, item]) => singapayJsNormalize(item)).join(',')}]`;
  }
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${singapayJsNormalize(item)}`).join(',')}}`;
}

/** The PHP sample laravel-singapay follows: json_decode, recursive ksort, json_encode unescaped. */
export function laravelNormalize(rawBody: string): string {
  const sorted = phpKsortRecursive(phpJsonDecode(rawBody));
  return phpJsonEncode(sorted, { unescapedSlashes: true, unescapedUnicode: true });
}

function verify(
  request: ReceivedCallback,
  options: VerifyOptions,
  normalized: () => string,
): Verdict {
  const signature = header(request, 'X-Signature');
  const timestamp = header(request, 'X-Timestamp');
  const authorization = header(request, 'Authorization');
  if (!signature || !timestamp || !authorization) return 'refused: a header is missing';
  if (!/^\d+$/.test(timestamp)) return 'refused: X-Timestamp is not Unix seconds';
  if (Math.abs(options.now.getTime() / 1000 - Number(timestamp)) > TOLERANCE_S) {
    return 'refused: X-Timestamp outside 300 s';
  }
  const token = authorization.replace(/^Bearer\s+/i, '');
  const candidates: [Verdict, string][] = [
    ['normalized', normalized()],
    ['raw', request.body],
  ];
  for (const [verdict, body] of candidates) {
    const expected = createHmac('sha512', options.clientSecret)
      .update(`POST:${options.endpoint}:${token}:${sha256(body)}:${timestamp}`)
      .digest('hex');
    const given = signature.toLowerCase();
    if (
      given.length === expected.length &&
      timingSafeEqual(Buffer.from(given), Buffer.from(expected))
    ) {
      return verdict;
    }
  }
  return 'refused: no signature matches';
}

/** singapay-js `verifyWebhook()`. */
export function verifyLikeSingapayJs(request: ReceivedCallback, options: VerifyOptions): Verdict {
  return verify(request, options, () => singapayJsNormalize(JSON.parse(request.body)));
}

/** laravel-singapay `WebhookVerifier::verify()` (its VerifyWebhookSignature middleware). */
export function verifyLikeLaravel(request: ReceivedCallback, options: VerifyOptions): Verdict {
  return verify(request, options, () => laravelNormalize(request.body));
}

/** The webhook type both SDKs route on: the `event` field, with payment-link fallbacks. */
export function webhookTypeOf(body: any): string | null {
  const event = typeof body.event === 'string' ? body.event : '';
  if (event === 'payment-link-transaction') return 'payment-link-transaction';
  if (event.startsWith('payment_link.inquiry')) return 'payment-link-inquiry';
  if (body.data?.transaction?.type === 'pl' || body.data?.payment?.method === 'payment_link') {
    return 'payment-link-transaction';
  }
  return null;
}
