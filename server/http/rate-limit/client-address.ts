import { isIPv4, isIPv6 } from 'node:net';

/**
 * Where the server entry leaves the socket's remote address on the Request: Astro's own key
 * (its node adapter and `App.render` read it as `Astro.clientAddress`), so the API and the
 * pages learn it the same way, however the Request travels between them.
 */
export const CLIENT_ADDRESS = Symbol.for('astro.clientAddress');

/** Records the socket's remote address on a Request (server/adapter/node-entry.ts). */
export function rememberClientAddress(request: Request, address: string | undefined): void {
  if (address) Reflect.set(request, CLIENT_ADDRESS, address);
}

/** Requests that came through no socket (in-process tests, scripts) share this one key. */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * The client's address as a rate-limit key. With `trustedHops` proxies in front (TRUST_PROXY),
 * X-Forwarded-For's address that many places from its right end names the client (the
 * leftmost when it is shorter, or when every proxy is trusted); otherwise, or when that entry
 * is no address, the socket does.
 */
export function clientKeyOf(
  request: Request,
  forwardedFor: string | undefined,
  trustedHops: number,
): string {
  const socket = Reflect.get(request, CLIENT_ADDRESS);
  const fromSocket = typeof socket === 'string' ? keyOfAddress(socket) : null;
  if (trustedHops > 0 && forwardedFor) {
    const hops = forwardedFor.split(',').map((entry) => entry.trim());
    const client = hops[Math.max(0, hops.length - trustedHops)];
    const fromHeader = client === undefined ? null : keyOfAddress(client);
    if (fromHeader) return fromHeader;
  }
  return fromSocket ?? UNKNOWN_CLIENT;
}

/**
 * An IPv4 address as it is; an IPv6 address as its /64, the block one subscriber gets (an
 * attacker changes the low 64 bits at will); an IPv4-mapped IPv6 address as the IPv4 one.
 * A port (`1.2.3.4:5678`, `[2001:db8::1]:443`) is dropped. Null when it is no address.
 */
export function keyOfAddress(text: string): string | null {
  const bare = text.replace(/^\[([^\]]+)\](?::\d+)?$/, '$1').replace(/^([\d.]+):\d+$/, '$1');
  if (isIPv4(bare)) return bare;
  const address = bare.replace(/%.*$/, '').toLowerCase();
  if (!isIPv6(address)) return null;
  const groups = expandIpv6(address);
  const isMapped = groups.slice(0, 5).every((group) => group === '0') && groups[5] === 'ffff';
  if (isMapped) {
    const [high = 0, low = 0] = groups.slice(6).map((group) => Number.parseInt(group, 16));
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros. */
function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  // An embedded IPv4 tail (`::1.2.3.4`) takes two groups.
  const last = right.length > 0 ? right : left;
  const ipv4 = last.at(-1)?.includes('.') ? last.pop() : undefined;
  if (ipv4) {
    const [a = 0, b = 0, c = 0, d = 0] = ipv4.split('.').map(Number);
    last.push(((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0');
  const groups = tail === undefined ? left : [...left, ...zeros, ...right];
  return groups.map((group) => Number.parseInt(group, 16).toString(16));
}
