/** The current time; injected so that tests move time instead of sleeping. */
export type Clock = () => Date;

/** Cryptographically secure random bytes; injected so that ids are reproducible in tests. */
export type RandomBytes = (size: number) => Uint8Array;

/** Hex of `size` random bytes. */
export function randomHex(random: RandomBytes, size: number): string {
  return Buffer.from(random(size)).toString('hex');
}
