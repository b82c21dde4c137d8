import { isIPv4, isIPv6 } from 'node:net';

/**
 * What an IP address is, as far as callbacks care (SPEC §6 "Destinations"): only `public`
 * addresses may receive one. The ranges are the IANA special-purpose registries' entries that
 * are not globally reachable (RFC 6890, RFC 8190), named by what they mean to an attacker.
 */
export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'reserved';

type Range = { network: bigint; bits: number; kind: Exclude<AddressKind, 'public'> };

function ipv4Number(text: string): bigint {
  return text.split('.').reduce((sum, octet) => (sum << 8n) | BigInt(Number(octet)), 0n);
}

/** The 128-bit value of a valid IPv6 address (`::` expanded, a dotted IPv4 tail read). */
function ipv6Number(text: string): bigint {
  const groupsOf = (part: string): bigint[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [BigInt(`0x${group}`)];
          const v4 = ipv4Number(group);
          return [v4 >> 16n, v4 & 0xffffn];
        });
  const [head = '', tail] = text.split('::');
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const zeros = Array<bigint>(8 - left.length - right.length).fill(0n);
  return [...left, ...zeros, ...right].reduce((sum, group) => (sum << 16n) | group, 0n);
}

function range(cidr: string, kind: Range['kind']): Range {
  const [address = '', bits = ''] = cidr.split('/');
  const network = isIPv4(address) ? ipv4Number(address) : ipv6Number(address);
  return { network, bits: Number(bits), kind };
}

function inRange(value: bigint, width: number, { network, bits }: Range): boolean {
  const shift = BigInt(width - bits);
  return value >> shift === network >> shift;
}

// First match wins: broadcast is named before the reserved 240/4 around it.
const IPV4_RANGES: readonly Range[] = [
  range('0.0.0.0/8', 'unspecified'), // "this network"; Linux connects 0.0.0.0 to itself
  range('10.0.0.0/8', 'private'),
  // RFC 6598 carrier-grade NAT: provider-internal, and home of some clouds' metadata
  // services (Alibaba Cloud's is 100.100.100.200).
  range('100.64.0.0/10', 'shared'),
  range('127.0.0.0/8', 'loopback'),
  range('169.254.0.0/16', 'link-local'), // 169.254.169.254: AWS, GCP, Azure metadata
  range('172.16.0.0/12', 'private'),
  range('192.0.0.0/24', 'reserved'), // IETF protocol assignments
  range('192.0.2.0/24', 'documentation'),
  range('192.168.0.0/16', 'private'),
  range('198.18.0.0/15', 'reserved'), // benchmarking
  range('198.51.100.0/24', 'documentation'),
  range('203.0.113.0/24', 'documentation'),
  range('224.0.0.0/4', 'multicast'),
  range('255.255.255.255/32', 'broadcast'),
  range('240.0.0.0/4', 'reserved'),
];

function ipv4Kind(value: bigint): AddressKind {
  return IPV4_RANGES.find((r) => inRange(value, 32, r))?.kind ?? 'public';
}

const V6 = {
  unspecified: range('::/128', 'unspecified'),
  loopback: range('::1/128', 'loopback'),
  // RFC 4291 §2.5.5: IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible
  // (::a.b.c.d) forms reach the embedded IPv4 address.
  mapped: range('::ffff:0:0/96', 'reserved'),
  compatible: range('::/96', 'reserved'),
  // RFC 6052 NAT64: a DNS64 network writes public IPv4 hosts this way, so it is judged by
  // the IPv4 address inside.
  nat64: range('64:ff9b::/96', 'reserved'),
  // RFC 3056 6to4: 2002:AABB:CCDD::/48 routes to the IPv4 address AA.BB.CC.DD.
  sixToFour: range('2002::/16', 'reserved'),
  globalUnicast: range('2000::/3', 'reserved'),
};

// Inside 2000::/3, the only block IANA hands out for global unicast (RFC 4291 §2.4).
const IPV6_GLOBAL_EXCEPTIONS: readonly Range[] = [
  range('2001::/23', 'reserved'), // IETF protocol assignments, Teredo among them
  range('2001:db8::/32', 'documentation'),
  range('3fff::/20', 'documentation'),
];

// Outside 2000::/3: named for the error, refused like any unassigned space.
const IPV6_OTHER_RANGES: readonly Range[] = [
  range('fc00::/7', 'private'), // unique local
  range('fe80::/10', 'link-local'),
  range('ff00::/8', 'multicast'),
];

function ipv6Kind(value: bigint): AddressKind {
  const embeddedV4 = value & 0xffff_ffffn;
  if (inRange(value, 128, V6.unspecified)) return 'unspecified';
  if (inRange(value, 128, V6.loopback)) return 'loopback';
  if (inRange(value, 128, V6.mapped) || inRange(value, 128, V6.nat64)) return ipv4Kind(embeddedV4);
  if (inRange(value, 128, V6.compatible)) {
    // Deprecated since 2006 (RFC 4291): no public host is reached this way.
    const inner = ipv4Kind(embeddedV4);
    return inner === 'public' ? 'reserved' : inner;
  }
  if (inRange(value, 128, V6.sixToFour)) return ipv4Kind((value >> 80n) & 0xffff_ffffn);
  if (inRange(value, 128, V6.globalUnicast)) {
    return IPV6_GLOBAL_EXCEPTIONS.find((r) => inRange(value, 128, r))?.kind ?? 'public';
  }
  return IPV6_OTHER_RANGES.find((r) => inRange(value, 128, r))?.kind ?? 'reserved';
}

/**
 * The kind of an IPv4 or IPv6 address as `dns.lookup` or a URL writes it (brackets and a
 * `%zone` are allowed); null when the text is not an IP address.
 */
export function addressKindOf(address: string): AddressKind | null {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (isIPv4(bare)) return ipv4Kind(ipv4Number(bare));
  if (isIPv6(bare)) return ipv6Kind(ipv6Number(bare));
  return null;
}

/** True only for an IP address a callback may be sent to; anything else (a name…) is false. */
export function isPublicAddress(address: string): boolean {
  return addressKindOf(address) === 'public';
}

/**
 * The IP address a URL's host is written as, or null when the host is a name to resolve.
 * The WHATWG parser has already turned `2130706433`, `0x7f.1`, `017700000001` and `127.1`
 * into `127.0.0.1`, and `[::ffff:127.0.0.1]` into `[::ffff:7f00:1]` (URL Standard §3.5).
 */
export function literalAddressOf(url: URL): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return isIPv4(host) || isIPv6(host) ? host : null;
}
