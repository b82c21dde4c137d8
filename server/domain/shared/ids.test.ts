import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RandomBytes } from './clock.ts';
import { isPublicId, newPublicId, newUlid } from './ids.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ULID_SHAPE = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

/** Reads Crockford base32 back into a number: the independent decoder the test checks against. */
function decodeBase32(text: string): bigint {
  let value = 0n;
  for (const char of text) {
    const digit = CROCKFORD.indexOf(char);
    if (digit < 0) throw new Error(`not Crockford base32: ${char}`);
    value = value * 32n + BigInt(digit);
  }
  return value;
}

const filled =
  (byte: number): RandomBytes =>
  (size) =>
    new Uint8Array(size).fill(byte);
const secure: RandomBytes = (size) => randomBytes(size);

describe('newUlid', () => {
  it('is 26 Crockford base32 characters', () => {
    for (let i = 0; i < 200; i++) {
      expect(newUlid(new Date(Date.UTC(2026, 0, 15) + i * 7919), secure)).toMatch(ULID_SHAPE);
    }
  });

  it('encodes the creation time, to the millisecond, in its first 10 characters', () => {
    for (const iso of [
      '1970-01-01T00:00:00.000Z',
      '2026-01-15T03:00:00.123Z',
      '2099-12-31T23:59:59.999Z',
    ]) {
      const now = new Date(iso);
      expect(Number(decodeBase32(newUlid(now, secure).slice(0, 10)))).toBe(now.getTime());
    }
    expect(newUlid(new Date(0), filled(0))).toBe('0'.repeat(26));
  });

  it('matches the ULID specification example timestamp', () => {
    // github.com/ulid/javascript README: ulid(1469918176385) starts with 01ARYZ6S41.
    expect(newUlid(new Date(1_469_918_176_385), secure).slice(0, 10)).toBe('01ARYZ6S41');
  });

  it('encodes the 80 random bits in its last 16 characters', () => {
    const bytes = Uint8Array.from([0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xdc]);
    const id = newUlid(new Date('2026-01-15T03:00:00Z'), () => bytes);
    expect(decodeBase32(id.slice(10))).toBe(BigInt(`0x${Buffer.from(bytes).toString('hex')}`));
    expect(newUlid(new Date(0), filled(0xff)).slice(10)).toBe('Z'.repeat(16));
  });

  it('sorts by creation time whatever the random part', () => {
    const start = new Date('2026-01-15T16:59:59.998Z').getTime();
    const ids = [0, 1, 2, 1000, 86_400_000].map((offset, i) =>
      newUlid(new Date(start + offset), filled(i % 2 === 0 ? 0xff : 0x00)),
    );
    expect([...ids].sort()).toEqual(ids);
  });

  it('asks for 10 random bytes and differs between calls in the same millisecond', () => {
    const sizes: number[] = [];
    const now = new Date('2026-01-15T03:00:00Z');
    const a = newUlid(now, (size) => (sizes.push(size), randomBytes(size)));
    const b = newUlid(now, secure);
    expect(sizes).toEqual([10]);
    expect(a.slice(0, 10)).toBe(b.slice(0, 10));
    expect(a).not.toBe(b);
  });
});

describe('newPublicId', () => {
  const random = () => Uint8Array.from({ length: 16 }, (_, i) => i * 17);
  const hex = '00112233445566778899aabbccddeeff';

  it('is PL + WIB yyyyMMddHHmmss + 32 lowercase hex of 16 random bytes', () => {
    const id = newPublicId(new Date('2026-01-15T03:04:05.678Z'), random);
    expect(id).toBe(`PL20260115100405${hex}`);
    expect(id).toMatch(/^PL\d{14}[0-9a-f]{32}$/);
  });

  it.each([
    ['16:59:59 UTC is the same WIB day', '2026-01-15T16:59:59.999Z', '20260115235959'],
    ['17:00:00 UTC is the next WIB day', '2026-01-15T17:00:00.000Z', '20260116000000'],
    ['a UTC evening is next WIB morning', '2026-01-15T20:00:00.000Z', '20260116030000'],
    ['New Year in WIB before UTC', '2025-12-31T17:00:00.000Z', '20260101000000'],
    ['a leap day', '2028-02-28T17:30:00.000Z', '20280229003000'],
  ])('writes the WIB time across day boundaries: %s', (_name, iso, stamp) => {
    expect(newPublicId(new Date(iso), random)).toBe(`PL${stamp}${hex}`);
  });

  it('carries 128 fresh random bits each time', () => {
    const now = new Date('2026-01-15T03:00:00Z');
    const ids = new Set(Array.from({ length: 100 }, () => newPublicId(now, secure)));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(isPublicId(id)).toBe(true);
  });
});

describe('isPublicId', () => {
  it.each([
    ['a generated id', `PL20260115100405${'0a'.repeat(16)}`, true],
    ['uppercase hex', `PL20260115100405${'0A'.repeat(16)}`, false],
    ['lowercase prefix', `pl20260115100405${'0a'.repeat(16)}`, false],
    ['31 hex chars', `PL20260115100405${'0a'.repeat(15)}0`, false],
    ['33 hex chars', `PL20260115100405${'0a'.repeat(16)}0`, false],
    ['the short id of the SPEC example', 'PL2025102113590968f72f3df34e5', false],
    ['a path', `PL20260115100405${'0a'.repeat(16)}/x`, false],
    ['empty', '', false],
  ])('%s → %s', (_name, value, expected) => {
    expect(isPublicId(value)).toBe(expected);
  });
});
