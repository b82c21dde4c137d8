import { createHmac, hash, timingSafeEqual } from 'node:crypto';

// Digests are made with the one-shot `hash()` as hex text, and compared as bytes decoded from
// that text. Neither `createHash()` nor `hash(…, 'buffer')` is used on these paths: both give
// a Buffer with an ArrayBuffer of its own per call (allocated and freed outside the JS heap),
// where `Buffer.from(hex, 'hex')` takes a slice of Node's shared pool. The bearer check runs on
// every merchant API request, and those per-call buffers were a large share of its cost.

export function sha256Hex(value: string): string {
  return hash('sha256', value, 'hex');
}

export function hmacSha512Hex(key: string, message: string): string {
  return createHmac('sha512', key).update(message, 'utf8').digest('hex');
}

/**
 * Compares two secrets in constant time. Both sides are hashed first so that neither the
 * content nor the length of the expected value leaks through timing.
 */
export function constantTimeEqual(given: string, expected: string): boolean {
  return hexDigestsEqual(sha256Hex(given), sha256Hex(expected));
}

/**
 * Whether `given` hashes to `expectedHex`, a stored SHA-256 digest (an api_key's hash),
 * compared in constant time: one digest to make instead of `constantTimeEqual`'s three.
 */
export function isSha256Of(given: string, expectedHex: string): boolean {
  return hexDigestsEqual(sha256Hex(given), expectedHex);
}

function hexDigestsEqual(actualHex: string, expectedHex: string): boolean {
  const actual = Buffer.from(actualHex, 'hex');
  const expected = Buffer.from(expectedHex, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
