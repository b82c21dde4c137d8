import { describe, expect, it } from 'vitest';
import {
  type AddressKind,
  addressKindOf,
  isPublicAddress,
  literalAddressOf,
} from './callback-destination.ts';

// SPEC §6 "Destinations": every form an attacker has tried (issue 10, finding 1) and the
// edges of each refused range, read as a URL's host is: through `new URL()`.

/** The kind of the address a callback URL names by its host; `name` when it has to resolve. */
function kindOfUrl(url: string): AddressKind | 'name' {
  const literal = literalAddressOf(new URL(url));
  return literal === null ? 'name' : addressKindOf(literal)!;
}

const IPV4: [string, AddressKind][] = [
  ['http://127.0.0.1/', 'loopback'],
  ['http://127.0.0.2/', 'loopback'],
  ['http://127.255.255.255/', 'loopback'],
  ['http://2130706433/', 'loopback'], // decimal
  ['http://0x7f.1/', 'loopback'], // hex, short form
  ['http://0x7f000001/', 'loopback'],
  ['http://017700000001/', 'loopback'], // octal
  ['http://0177.0.0.1/', 'loopback'],
  ['http://127.1/', 'loopback'],
  ['http://%31%32%37.0.0.1/', 'loopback'], // percent-encoded
  ['http://0.0.0.0/', 'unspecified'],
  ['http://0/', 'unspecified'],
  ['http://0.255.255.255/', 'unspecified'],
  ['http://10.0.0.1/', 'private'],
  ['http://10.255.255.255/', 'private'],
  ['http://172.16.0.1/', 'private'],
  ['http://172.31.255.254/', 'private'],
  ['http://192.168.0.1/', 'private'],
  ['http://192.168.255.255/', 'private'],
  ['http://169.254.169.254/latest/meta-data/', 'link-local'],
  ['http://169.254.0.1/', 'link-local'],
  ['http://100.64.0.1/', 'shared'],
  ['http://100.100.100.200/', 'shared'], // Alibaba Cloud metadata
  ['http://100.127.255.255/', 'shared'],
  ['http://224.0.0.1/', 'multicast'],
  ['http://239.255.255.250/', 'multicast'],
  ['http://255.255.255.255/', 'broadcast'],
  ['http://240.0.0.1/', 'reserved'],
  ['http://192.0.0.8/', 'reserved'],
  ['http://198.18.0.1/', 'reserved'],
  ['http://192.0.2.1/', 'documentation'],
  ['http://198.51.100.7/', 'documentation'],
  ['http://203.0.113.9/', 'documentation'],
  // Just outside each range: public.
  ['https://8.8.8.8/', 'public'],
  ['https://1.1.1.1/', 'public'],
  ['https://9.255.255.255/', 'public'],
  ['https://11.0.0.0/', 'public'],
  ['https://100.63.255.255/', 'public'],
  ['https://100.128.0.0/', 'public'],
  ['https://126.255.255.255/', 'public'],
  ['https://128.0.0.0/', 'public'],
  ['https://169.253.255.255/', 'public'],
  ['https://169.255.0.0/', 'public'],
  ['https://172.15.255.255/', 'public'],
  ['https://172.32.0.0/', 'public'],
  ['https://192.167.255.255/', 'public'],
  ['https://192.169.0.0/', 'public'],
  ['https://223.255.255.255/', 'public'],
  ['https://103.28.52.1/', 'public'],
];

const IPV6: [string, AddressKind][] = [
  ['http://[::1]/', 'loopback'],
  ['http://[0:0:0:0:0:0:0:1]/', 'loopback'],
  ['http://[::]/', 'unspecified'],
  ['http://[::ffff:127.0.0.1]/', 'loopback'], // IPv4-mapped, dotted
  ['http://[::ffff:7f00:1]/', 'loopback'], // IPv4-mapped, hex
  ['http://[0:0:0:0:0:ffff:127.0.0.1]/', 'loopback'],
  ['http://[::ffff:a9fe:a9fe]/', 'link-local'], // ::ffff:169.254.169.254
  ['http://[::ffff:10.0.0.1]/', 'private'],
  ['http://[::ffff:192.168.1.1]/', 'private'],
  ['http://[::ffff:0.0.0.0]/', 'unspecified'],
  ['http://[::127.0.0.1]/', 'loopback'], // IPv4-compatible (deprecated)
  ['http://[::7f00:1]/', 'loopback'],
  ['http://[::a00:1]/', 'private'],
  ['http://[::8.8.8.8]/', 'reserved'], // deprecated form even for a public address
  ['http://[64:ff9b::127.0.0.1]/', 'loopback'], // NAT64 of loopback
  ['http://[64:ff9b::a9fe:a9fe]/', 'link-local'],
  ['http://[64:ff9b::10.1.2.3]/', 'private'],
  ['http://[2002:7f00:1::]/', 'loopback'], // 6to4 of 127.0.0.1
  ['http://[2002:c0a8:101::1]/', 'private'], // 6to4 of 192.168.1.1
  ['http://[fc00::1]/', 'private'],
  ['http://[fd00::1]/', 'private'],
  ['http://[fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]/', 'private'],
  ['http://[fe80::1]/', 'link-local'],
  ['http://[febf:ffff::1]/', 'link-local'],
  ['http://[fd00:ec2::254]/', 'private'], // AWS metadata over IPv6
  ['http://[ff02::1]/', 'multicast'],
  ['http://[ff05::1:3]/', 'multicast'],
  ['http://[fec0::1]/', 'reserved'], // site-local (deprecated)
  ['http://[100::1]/', 'reserved'], // discard-only
  ['http://[64:ff9b:1::a00:1]/', 'reserved'], // local-use NAT64
  ['http://[2001::1]/', 'reserved'], // Teredo
  ['http://[2001:db8::1]/', 'documentation'],
  ['http://[3fff::1]/', 'documentation'],
  ['http://[4000::1]/', 'reserved'], // unassigned
  ['http://[::2]/', 'unspecified'], // IPv4-compatible 0.0.0.2
  // Public.
  ['https://[2001:4860:4860::8888]/', 'public'],
  ['https://[2606:4700:4700::1111]/', 'public'],
  ['https://[64:ff9b::8.8.8.8]/', 'public'], // NAT64 of a public host (DNS64 networks)
  ['https://[::ffff:8.8.8.8]/', 'public'],
  ['https://[2002:808:808::1]/', 'public'], // 6to4 of 8.8.8.8
  ['https://[2400:cb00::1]/', 'public'],
  ['https://[3ffe::1]/', 'public'],
];

describe('a callback URL host written as an IPv4 address', () => {
  it.each(IPV4)('%s is %s', (url, kind) => {
    expect(kindOfUrl(url)).toBe(kind);
    expect(isPublicAddress(literalAddressOf(new URL(url))!)).toBe(kind === 'public');
  });
});

describe('a callback URL host written as an IPv6 address', () => {
  it.each(IPV6)('%s is %s', (url, kind) => {
    expect(kindOfUrl(url)).toBe(kind);
    expect(isPublicAddress(literalAddressOf(new URL(url))!)).toBe(kind === 'public');
  });
});

describe('a callback URL host written as a name', () => {
  it.each([
    'http://localhost/',
    'http://LOCALHOST./',
    'https://merchant.example/callbacks',
    'https://127.0.0.1.nip.io/',
    'https://0x7f.example/',
  ])('%s has no literal address: it is resolved before it is judged', (url) => {
    expect(kindOfUrl(url)).toBe('name');
  });
});

describe('addresses as dns.lookup gives them', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['93.184.215.14', 'public'],
    ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', 'public'],
  ] as const)('%s is %s', (address, kind) => {
    expect(addressKindOf(address)).toBe(kind);
  });

  it.each(['localhost', '', '1.2.3', '999.1.1.1', '::ffff:1.2.3', 'fe80::1::2', '[::1'])(
    '%j is not an address, and so not public',
    (text) => {
      expect(addressKindOf(text)).toBeNull();
      expect(isPublicAddress(text)).toBe(false);
    },
  );
});
