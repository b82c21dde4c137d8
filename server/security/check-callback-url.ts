import { lookup } from 'node:dns/promises';
import { isPublicAddress, literalAddressOf } from './callback-destination.ts';

/** Every address a name resolves to, as the worker's connection would find them. */
export type ResolveAll = (hostname: string) => Promise<string[]>;

/** `dns.lookup` (the system resolver, `/etc/hosts` included): what `net.connect` uses. */
export const resolveWithSystem: ResolveAll = async (hostname) =>
  (await lookup(hostname, { all: true, order: 'verbatim' })).map((found) => found.address);

/** A slow resolver must not hold up a create; the worker checks again at connect time. */
const RESOLVE_TIMEOUT_MS = 3000;

async function addressesOrNone(
  hostname: string,
  resolve: ResolveAll,
  timeoutMs: number,
): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string[]>((done) => {
    timer = setTimeout(() => done([]), timeoutMs);
  });
  try {
    return await Promise.race([resolve(hostname), timeout]);
  } catch {
    return [];
  } finally {
    clearTimeout(timer);
  }
}

/**
 * SPEC §6 "Destinations": true when a callback URL's host is an address that is not public,
 * or a name that resolves to at least one such address. A name that does not resolve (yet)
 * passes: merchants set URLs up before their DNS, and the worker refuses at connect time
 * whatever it then resolves to (docs/decisions/011-callback-destinations.md).
 */
export async function isRefusedCallbackUrl(
  url: string,
  resolve: ResolveAll = resolveWithSystem,
  timeoutMs = RESOLVE_TIMEOUT_MS,
): Promise<boolean> {
  const parsed = new URL(url);
  const literal = literalAddressOf(parsed);
  if (literal !== null) return !isPublicAddress(literal);
  const addresses = await addressesOrNone(parsed.hostname, resolve, timeoutMs);
  return addresses.some((address) => !isPublicAddress(address));
}
