import type { RandomBytes } from '../shared/clock.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A payment's reference: `PY` + 18 random Crockford base32 characters (90 bits), 20 in all —
 * short enough for QRIS tag 62/05 (≤ 25) and for reading over the phone.
 */
export function newPaymentReference(random: RandomBytes): string {
  let text = 'PY';
  for (const byte of random(18)) text += ALPHABET[byte & 31];
  return text;
}

export function isPaymentReference(value: string): boolean {
  return /^PY[0-9A-HJKMNP-TV-Z]{18}$/.test(value);
}
