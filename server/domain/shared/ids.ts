import type { RandomBytes } from './clock.ts';
import { toWibStamp } from './jakarta-time.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID (48-bit millisecond time + 80 random bits, Crockford base32): account ids. */
export function newUlid(now: Date, random: RandomBytes): string {
  let time = now.getTime();
  let timePart = '';
  for (let i = 0; i < 10; i++) {
    timePart = (CROCKFORD[time % 32] ?? '0') + timePart;
    time = Math.floor(time / 32);
  }
  const bytes = random(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let randomPart = '';
  for (let i = 0; i < 16; i++) {
    randomPart = (CROCKFORD[Number(bits & 31n)] ?? '0') + randomPart;
    bits >>= 5n;
  }
  return timePart + randomPart;
}

/**
 * The key in `/b2b/<public id>` (SPEC §1): `PL` + creation time in WIB + 128 random bits as
 * 32 lowercase hex, so that no link can be found by guessing.
 */
export function newPublicId(now: Date, random: RandomBytes): string {
  return `PL${toWibStamp(now)}${Buffer.from(random(16)).toString('hex')}`;
}

/** Shape check for a public id taken from a URL, before any lookup. */
export function isPublicId(value: string): boolean {
  return /^PL\d{14}[0-9a-f]{32}$/.test(value);
}
