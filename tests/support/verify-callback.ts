import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { expect } from 'vitest';
import type { ReceivedCallback } from './merchant-receiver.ts';

/**
 * A merchant's own checks of a callback, written from the specs and not from our signer:
 * Standard Webhooks (its reference library) and SingaPay's X-Signature (reference §4.4).
 */

export type CallbackKeys = { apiKey: string; clientSecret: string; webhookSecret: string };

/** The Standard Webhooks library refuses timestamps more than 5 minutes from the real time. */
const LIBRARY_TOLERANCE_S = 240;

function header(request: ReceivedCallback, name: string): string {
  const value = request.headers[name];
  if (typeof value !== 'string') throw new Error(`header ${name} missing or repeated`);
  return value;
}

/** Keys sorted recursively, arrays in order, compact: the body SingaPay merchants hash. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, normalize(record[key])]),
  );
}

/** reference §4.4: HMAC-SHA512(client_secret, `POST:{path+query}:{token}:{sha256(body)}:{ts}`). */
export function isValidSingapaySignature(request: ReceivedCallback, clientSecret: string): boolean {
  const token = /^Bearer (\S+)$/.exec(header(request, 'authorization'))?.[1];
  const timestamp = header(request, 'x-timestamp');
  if (!token || !/^\d{10}$/.test(timestamp)) return false;
  const bodyHash = createHash('sha256')
    .update(JSON.stringify(normalize(JSON.parse(request.body))))
    .digest('hex');
  const expected = createHmac('sha512', clientSecret)
    .update(`POST:${request.url}:${token}:${bodyHash}:${timestamp}`)
    .digest('hex');
  const given = header(request, 'x-signature');
  return (
    /^[0-9a-f]{128}$/.test(given) && timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  );
}

/** Standard Webhooks v1 by hand: base64 HMAC-SHA256 of `id.timestamp.body`, key after `whsec_`. */
function isValidStandardSignature(request: ReceivedCallback, secret: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const id = header(request, 'webhook-id');
  const timestamp = header(request, 'webhook-timestamp');
  const expected = createHmac('sha256', key)
    .update(`${id}.${timestamp}.${request.body}`)
    .digest('base64');
  return header(request, 'webhook-signature')
    .split(' ')
    .some((signature) => signature === `v1,${expected}`);
}

/**
 * Both signatures and `X-PARTNER-ID` of one delivery. The `standardwebhooks` library verifies
 * whenever the attempt's timestamp is near the real time (tests set the clock to it); a
 * timestamp far away (a clock moved through the retry schedule) is checked by hand instead.
 */
export function expectSignedCallback(request: ReceivedCallback, keys: CallbackKeys): void {
  expect(request.method).toBe('POST');
  expect(request.headers['content-type']).toMatch(/^application\/json/);
  expect(header(request, 'x-partner-id')).toBe(keys.apiKey);
  expect(header(request, 'webhook-id')).toMatch(/^msg_[0-9a-z]+$/);
  expect(header(request, 'x-timestamp')).toBe(header(request, 'webhook-timestamp'));
  expect(isValidSingapaySignature(request, keys.clientSecret)).toBe(true);
  expect(isValidStandardSignature(request, keys.webhookSecret)).toBe(true);
  const skew = Math.abs(Number(header(request, 'webhook-timestamp')) - Date.now() / 1000);
  if (skew < LIBRARY_TOLERANCE_S) {
    const verified = new Webhook(keys.webhookSecret).verify(request.body, {
      'webhook-id': header(request, 'webhook-id'),
      'webhook-timestamp': header(request, 'webhook-timestamp'),
      'webhook-signature': header(request, 'webhook-signature'),
    });
    expect(verified).toEqual(JSON.parse(request.body));
  }
}

/** The `webhook-id` of a received callback. */
export function webhookIdOf(request: ReceivedCallback): string {
  return header(request, 'webhook-id');
}
