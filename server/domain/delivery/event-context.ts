import type { Catalog } from '../payment-method/catalog.ts';
import type { RandomBytes } from '../shared/clock.ts';
import type { EventContext } from './payment-events.ts';

/** `msg_` + 26 random Crockford base32 characters (130 bits): a Standard Webhooks id. */
export function newMessageId(random: RandomBytes): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  let id = 'msg_';
  for (const byte of random(26)) id += alphabet[byte & 31];
  return id;
}

/** Builds the context state changes use to write their callbacks and mails. */
export function createEventContextFactory(options: {
  baseUrl: string;
  random: RandomBytes;
  catalog: Catalog;
}) {
  return (now: Date): EventContext => ({
    baseUrl: options.baseUrl,
    now,
    newMessageId: () => newMessageId(options.random),
    methodName: (code) => options.catalog.find(code)?.name ?? code,
  });
}
