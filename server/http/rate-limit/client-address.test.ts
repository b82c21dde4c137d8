import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS, clientKeyOf, keyOfAddress, UNKNOWN_CLIENT } from './client-address.ts';

function fromSocket(address?: string): Request {
  const request = new Request('http://paylink.test/');
  if (address) Reflect.set(request, CLIENT_ADDRESS, address);
  return request;
}

describe('the client address of a request (TRUST_PROXY)', () => {
  const chain = '203.0.113.7, 198.51.100.2, 10.0.0.5';

  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientKeyOf(fromSocket('192.0.2.1'), chain, 0)).toBe('192.0.2.1');
  });

  it('with N trusted hops, is the Nth address from the right of X-Forwarded-For', () => {
    expect(clientKeyOf(fromSocket('10.0.0.9'), chain, 1)).toBe('10.0.0.5');
    expect(clientKeyOf(fromSocket('10.0.0.9'), chain, 2)).toBe('198.51.100.2');
    expect(clientKeyOf(fromSocket('10.0.0.9'), chain, 3)).toBe('203.0.113.7');
  });

  it('is the leftmost address when every proxy is trusted (`true`) or the list is shorter', () => {
    expect(clientKeyOf(fromSocket('10.0.0.9'), chain, Number.POSITIVE_INFINITY)).toBe(
      '203.0.113.7',
    );
    expect(clientKeyOf(fromSocket('10.0.0.9'), chain, 9)).toBe('203.0.113.7');
  });

  it('falls back to the socket without X-Forwarded-For or when its entry is no address', () => {
    expect(clientKeyOf(fromSocket('10.0.0.9'), undefined, 1)).toBe('10.0.0.9');
    expect(clientKeyOf(fromSocket('10.0.0.9'), '203.0.113.7, nonsense', 1)).toBe('10.0.0.9');
  });

  it('shares one key among requests that came through no socket (in-process calls)', () => {
    expect(clientKeyOf(fromSocket(), undefined, 0)).toBe(UNKNOWN_CLIENT);
  });
});

describe('an address as a rate-limit key', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    ['192.0.2.1:51234', '192.0.2.1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['::ffff:c000:0201', '192.0.2.1'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['[2001:DB8:1:2::1]:443', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('%s → %s (IPv6 by its /64, what one subscriber gets)', (address, key) => {
    expect(keyOfAddress(address)).toBe(key);
  });

  it.each(['', 'unknown', '999.1.1.1', '1.2.3', 'example.com', '1:2:3'])(
    '%s is no address',
    (text) => {
      expect(keyOfAddress(text)).toBeNull();
    },
  );
});
