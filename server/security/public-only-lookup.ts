import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isPublicAddress } from './callback-destination.ts';

/** A connection Paylink refused to make: the destination is not a public address (SPEC §6). */
export class DestinationNotAllowedError extends Error {
  override name = 'DestinationNotAllowedError';
  readonly code = 'ERR_DESTINATION_NOT_ALLOWED';
}

/**
 * A `lookup` for `net.connect` that resolves as usual and then refuses the name when any
 * address it resolves to is not public. The socket connects only to what this answered, so a
 * name that resolved to a public address at create time and to 127.0.0.1 now (DNS rebinding)
 * is refused here, with no connection made.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '');
    if (addresses.length === 0 || !addresses.every((found) => isPublicAddress(found.address))) {
      return callback(new DestinationNotAllowedError('destination not allowed'), '');
    }
    const [first] = addresses as [LookupAddress];
    if ((options as LookupOptions).all) return callback(null, addresses);
    return callback(null, first.address, first.family);
  });
};
