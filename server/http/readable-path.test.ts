import { describe, expect, it } from 'vitest';
import { isReadablePath, rawPathOf } from './readable-path.ts';

describe('isReadablePath (SPEC §9: control characters, NUL, invalid UTF-8 are 404)', () => {
  it.each([
    '/',
    '/b2b/PL20260115100000abcdef0123456789abcdef0123456789',
    '/b2b/PL1/payments/PY0123456789ABCDEFGH/qr.png',
    '/api/v1.0/payment-link-manage/01KEZSGYW08ZXFVWD958F9J9NM/7',
    '/docs/api',
    '/b2b/%41%42',
    '/b2b/a%20b',
    '/b2b/%25FF',
    '/b2b/%2F',
    '/b2b/caf%C3%A9',
    '/b2b/%F0%9F%98%80',
  ])('reads %s', (path) => {
    expect(isReadablePath(path)).toBe(true);
  });

  it.each([
    ['NUL', '/b2b/%00'],
    ['a line feed', '/b2b/%0a2026-01-15T03:00:00.000Z%20info%20account%20created'],
    ['a carriage return', '/b2b/%0D'],
    ['a tab', '/b2b/a%09b'],
    ['DEL', '/b2b/%7f'],
    ['a C1 control', '/b2b/%C2%85'],
    ['a right-to-left override', '/b2b/%E2%80%AE'],
    ['a zero-width space', '/api/v1.0/%E2%80%8B'],
    ['a byte order mark', '/%EF%BB%BF'],
    ['an overlong slash', '/b2b/%C0%AF'],
    ['a byte that is never UTF-8', '/b2b/%FF'],
    ['a lone surrogate', '/b2b/%ED%A0%80'],
    ['a sequence cut short', '/b2b/%E2%80'],
    ['a malformed escape', '/b2b/%zz'],
    ['a lone percent', '/b2b/%'],
    ['a percent with one digit', '/b2b/%4'],
    ['a raw control character', '/b2b/\u0000'],
  ])('refuses %s', (_label, path) => {
    expect(isReadablePath(path)).toBe(false);
  });
});

describe('rawPathOf', () => {
  it.each([
    ['http://localhost/b2b/x?lang=en', '/b2b/x'],
    ['http://localhost/b2b/%00#top', '/b2b/%00'],
    ['https://pay.example.test', '/'],
    ['http://[::1]:3000/api/v4/payment_links', '/api/v4/payment_links'],
  ])('%s → %s', (url, path) => {
    expect(rawPathOf(url)).toBe(path);
  });
});
