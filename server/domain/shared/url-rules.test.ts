import { describe, expect, it } from 'vitest';
import { isAllowedCallbackUrl } from './url-rules.ts';

const HTTPS_PREFIX = 'https://merchant.example/';

describe('isAllowedCallbackUrl (SPEC §3.2 redirect_url / callback_url)', () => {
  it.each([
    'https://merchant.example/thanks',
    'https://merchant.example:8443/thanks?order=1#top',
    'HTTPS://MERCHANT.EXAMPLE/x',
    'http://localhost:3000/x',
    'http://localhost/x',
    'http://127.0.0.1/x',
    'http://127.0.0.1:8080/callback',
    'http://[::1]/x',
    'http://[::1]:3000/x',
    HTTPS_PREFIX + 'a'.repeat(2048 - HTTPS_PREFIX.length),
  ])('allows %s', (url) => {
    expect(isAllowedCallbackUrl(url)).toBe(true);
  });

  it.each([
    ['plain http to a public host', 'http://example.com/x'],
    ['http to a host that only starts like localhost', 'http://localhost.evil.example/x'],
    ['http to another loopback address', 'http://127.0.0.2/x'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['ftp:', 'ftp://merchant.example/x'],
    ['a relative path', '/relative'],
    ['a protocol-relative URL', '//merchant.example/x'],
    ['user and password', 'https://user:pw@merchant.example/x'],
    ['a user alone', 'https://user@merchant.example/x'],
    ['the empty string', ''],
    ['2049 characters', HTTPS_PREFIX + 'a'.repeat(2049 - HTTPS_PREFIX.length)],
    ['a leading space', ' https://merchant.example/x'],
    [
      'a newline inside (header injection once redirected to)',
      'https://merchant.example/x\r\nSet-Cookie: a=b',
    ],
    ['a tab inside the host, which URL parsing would drop', 'https://merch\tant.example/x'],
    ['a NUL character', 'https://merchant.example/\u0000'],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedCallbackUrl(url)).toBe(false);
  });
});
