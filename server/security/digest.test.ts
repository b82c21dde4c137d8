import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { constantTimeEqual, hmacSha512Hex, isSha256Of, sha256Hex } from './digest.ts';

describe('constantTimeEqual', () => {
  it('is true for equal strings', () => {
    expect(constantTimeEqual('test-admin-token-0123456789', 'test-admin-token-0123456789')).toBe(
      true,
    );
    expect(constantTimeEqual('', '')).toBe(true);
    expect(constantTimeEqual('kunci—🔑', 'kunci—🔑')).toBe(true);
  });

  it.each([
    ['one character changed', 'secret-token-A', 'secret-token-B'],
    ['a prefix', 'secret-token', 'secret-token-longer'],
    ['an extension', 'secret-token-longer', 'secret-token'],
    ['empty against non-empty', '', 'secret'],
    ['another case', 'SECRET', 'secret'],
    ['trailing whitespace', 'secret ', 'secret'],
  ])('is false for %s, without throwing on length differences', (_name, given, expected) => {
    expect(constantTimeEqual(given, expected)).toBe(false);
  });
});

describe('sha256Hex / hmacSha512Hex', () => {
  it('match the published test vectors', () => {
    // FIPS 180-2 "abc" and RFC 4231 test case 2.
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hmacSha512Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
    );
  });

  it('hmacSha512Hex is lowercase hex of HMAC-SHA512 over UTF-8', () => {
    const expected = createHmac('sha512', 'k—🔑')
      .update(Buffer.from('pesan—✓', 'utf8'))
      .digest('hex');
    expect(hmacSha512Hex('k—🔑', 'pesan—✓')).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{128}$/);
  });
});

describe('isSha256Of', () => {
  const stored = sha256Hex('pk_live_kunci—🔑');

  it('is true for the value whose SHA-256 is stored', () => {
    expect(isSha256Of('pk_live_kunci—🔑', stored)).toBe(true);
  });

  it.each([
    ['another value', 'pk_live_kunci—🔒', stored],
    ['the digest itself, given as the value', stored, stored],
    ['a truncated digest', 'pk_live_kunci—🔑', stored.slice(0, 62)],
    ['a digest that is not hex', 'pk_live_kunci—🔑', `zz${stored.slice(2)}`],
    ['an empty digest', 'pk_live_kunci—🔑', ''],
  ])('is false for %s, without throwing', (_name, given, expected) => {
    expect(isSha256Of(given, expected)).toBe(false);
  });
});
