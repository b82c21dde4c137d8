import { createHash, createHmac } from 'node:crypto';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: { [key: string]: Json } = {};
  // Default sort compares UTF-16 code units; PHP's ksort(SORT_STRING) compares UTF-8 bytes.
  // The two agree on every key we send (ASCII).
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key] as Json);
  return sorted;
}

/**
 * The body as SingaPay merchants re-encode it before hashing (reference §4.4): parsed, object
 * keys sorted recursively, compact, unicode and slashes unescaped (`JSON.stringify` escapes
 * neither). PHP and JavaScript verifiers only disagree on empty objects (PHP: `[]`),
 * integer-like keys (arrays in PHP, reordered by JS engines), floats and U+2028/U+2029 (PHP
 * escapes them); our builders emit none of the first three, so both compute this string.
 */
export function normalizeForSignature(bodyText: string): string {
  return JSON.stringify(sortKeys(JSON.parse(bodyText) as Json));
}

export type SingapaySignatureInput = {
  clientSecret: string;
  method: 'POST';
  /** The full callback URL; only its path and query are signed. */
  url: string;
  /** The token sent as `Authorization: Bearer <token>`. */
  accessToken: string;
  /** The exact body text sent. */
  body: string;
  /** Unix seconds, as sent in `X-Timestamp`. */
  timestamp: number;
};

/** `X-Signature` (reference §4.4): lowercase hex HMAC-SHA512 keyed with the client secret. */
export function singapaySignature(input: SingapaySignatureInput): string {
  const { pathname, search } = new URL(input.url);
  const bodyHash = createHash('sha256').update(normalizeForSignature(input.body)).digest('hex');
  const stringToSign = [
    input.method,
    pathname + search,
    input.accessToken,
    bodyHash,
    String(input.timestamp),
  ].join(':');
  return createHmac('sha512', input.clientSecret).update(stringToSign).digest('hex');
}

export type StandardWebhookSignatureInput = {
  /** `whsec_` + base64 of the key. */
  secret: string;
  msgId: string;
  /** Unix seconds, as sent in `webhook-timestamp`. */
  timestamp: number;
  body: string;
};

/** `webhook-signature` (Standard Webhooks): `v1,` + base64 HMAC-SHA256 of `id.timestamp.body`. */
export function standardWebhookSignature(input: StandardWebhookSignatureInput): string {
  if (!input.secret.startsWith('whsec_'))
    throw new RangeError('Webhook secret must start with whsec_');
  const key = Buffer.from(input.secret.slice('whsec_'.length), 'base64');
  if (key.length === 0) throw new RangeError('Webhook secret is empty');
  const signed = `${input.msgId}.${input.timestamp}.${input.body}`;
  return `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
}

export type CallbackHeadersInput = {
  body: string;
  url: string;
  /** Stable across retries of one delivery, so merchants can de-duplicate. */
  webhookId: string;
  /** Unix seconds of this attempt. */
  timestamp: number;
  clientSecret: string;
  webhookSecret: string;
  /** Sent as `X-PARTNER-ID`. */
  apiKey: string;
  /** A fresh random token per attempt (reference §4.3: system events use a random one). */
  accessToken: string;
};

/**
 * Every header of one delivery attempt, signed twice (SPEC §6): Standard Webhooks and
 * SingaPay's `X-Signature` scheme. Names are lowercase, as HTTP/2 sends them.
 */
export function callbackHeaders(input: CallbackHeadersInput): Record<string, string> {
  if (!Number.isSafeInteger(input.timestamp))
    throw new RangeError('timestamp must be unix seconds');
  return {
    'content-type': 'application/json',
    accept: 'application/json',
    'user-agent': 'Paylink-Webhooks/1.0',
    'webhook-id': input.webhookId,
    'webhook-timestamp': String(input.timestamp),
    'webhook-signature': standardWebhookSignature({
      secret: input.webhookSecret,
      msgId: input.webhookId,
      timestamp: input.timestamp,
      body: input.body,
    }),
    'x-partner-id': input.apiKey,
    'x-timestamp': String(input.timestamp),
    authorization: `Bearer ${input.accessToken}`,
    'x-signature': singapaySignature({
      clientSecret: input.clientSecret,
      method: 'POST',
      url: input.url,
      accessToken: input.accessToken,
      body: input.body,
      timestamp: input.timestamp,
    }),
  };
}
