import { describe, expect, it } from 'vitest';
import { isRefusedCallbackUrl, type ResolveAll } from './check-callback-url.ts';

// SPEC §6: a callback URL whose name resolves to a refused address is refused as if the
// address were written in it. The resolver is the system's unless a test gives its own.

/** A resolver answering from a table; unknown names fail as the system's would (ENOTFOUND). */
function resolverOf(table: Record<string, string[]>): ResolveAll & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const found = table[hostname];
    if (!found)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found;
  };
  return Object.assign(resolve, { asked });
}

const dns = resolverOf({
  'metadata.attacker.example': ['169.254.169.254'],
  'intranet.attacker.example': ['10.20.30.40'],
  'v6-internal.attacker.example': ['fd00::5'],
  'mixed.attacker.example': ['93.184.215.14', '127.0.0.1'],
  'mapped.attacker.example': ['::ffff:192.168.1.10'],
  'merchant.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
});

describe('isRefusedCallbackUrl', () => {
  it.each([
    'https://metadata.attacker.example/latest/meta-data/',
    'https://intranet.attacker.example/',
    'https://v6-internal.attacker.example/',
    'https://mapped.attacker.example/',
  ])('refuses %s: its name resolves to an address that is not public', async (url) => {
    expect(await isRefusedCallbackUrl(url, dns)).toBe(true);
  });

  it('refuses a name when any one of its addresses is not public', async () => {
    expect(await isRefusedCallbackUrl('https://mixed.attacker.example/cb', dns)).toBe(true);
  });

  it('accepts a name whose every address is public', async () => {
    expect(await isRefusedCallbackUrl('https://merchant.example/callbacks', dns)).toBe(false);
  });

  it('accepts a name that does not resolve yet: the worker judges it when it connects', async () => {
    expect(await isRefusedCallbackUrl('https://not-live-yet.example/cb', dns)).toBe(false);
  });

  it('accepts a name whose resolver does not answer in time, without waiting for it', async () => {
    const started = Date.now();
    const silent: ResolveAll = () => new Promise(() => {});
    expect(await isRefusedCallbackUrl('https://slow-dns.example/', silent, 50)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('judges a literal address without asking the resolver', async () => {
    const resolve = resolverOf({});
    expect(await isRefusedCallbackUrl('http://[::ffff:7f00:1]:8080/', resolve)).toBe(true);
    expect(await isRefusedCallbackUrl('http://2130706433/', resolve)).toBe(true);
    expect(await isRefusedCallbackUrl('https://8.8.8.8/cb', resolve)).toBe(false);
    expect(resolve.asked).toEqual([]);
  });

  it('refuses localhost with the system resolver, which reads /etc/hosts', async () => {
    expect(await isRefusedCallbackUrl('http://localhost:4000/paylink')).toBe(true);
  });

  it('accepts a .invalid name with the system resolver: it never resolves (RFC 6761)', async () => {
    expect(await isRefusedCallbackUrl('https://merchant.invalid/cb')).toBe(false);
  });
});
