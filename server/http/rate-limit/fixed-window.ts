import { createLru } from '../../cache/lru.ts';
import type { Clock } from '../../domain/shared/clock.ts';

/** One key's window: it began with the key's first request and ends at `endsAt` (ms). */
type Window = { count: number; endsAt: number };

/** What `count` took, to give back with `refund` when the request turned out not to count. */
export type Ticket = { key: string; endsAt: number };

/**
 * A fixed-window counter per key. `retryAfter` and `count` are separate so that a request
 * over one of several limits counts against none of them (SPEC §9: it changes nothing).
 */
export type FixedWindow = {
  /** Whole seconds until `key` may go again; 0 when it may go now. Counts nothing. */
  retryAfter: (key: string) => number;
  /** Counts one request of `key`. */
  count: (key: string) => Ticket;
  /** Takes back a count (a request that succeeded where only failures count). */
  refund: (ticket: Ticket) => void;
  /** How many keys are remembered now. */
  size: () => number;
};

/**
 * At most `limit` requests per key in a window of `windowSeconds` that starts at the key's
 * first request. Memory is bounded: past `maxKeys` the least recently seen key is forgotten,
 * so a flood of distinct addresses costs a bounded map, not the process.
 */
export function createFixedWindow(options: {
  limit: number;
  windowSeconds: number;
  clock: Clock;
  maxKeys: number;
}): FixedWindow {
  const windows = createLru<string, Window>({ maxEntries: options.maxKeys });
  const windowMs = options.windowSeconds * 1000;
  const current = (key: string, now: number) => {
    const window = windows.get(key);
    return window && window.endsAt > now ? window : undefined;
  };

  return {
    retryAfter(key) {
      const now = options.clock().getTime();
      const window = current(key, now);
      if (!window || window.count < options.limit) return 0;
      return Math.max(1, Math.ceil((window.endsAt - now) / 1000));
    },
    count(key) {
      const now = options.clock().getTime();
      const window = current(key, now) ?? { count: 0, endsAt: now + windowMs };
      window.count += 1;
      windows.set(key, window);
      return { key, endsAt: window.endsAt };
    },
    refund(ticket) {
      const window = windows.get(ticket.key);
      // A window that ended since holds no count of this request.
      if (window && window.endsAt === ticket.endsAt && window.count > 0) window.count -= 1;
    },
    size: () => windows.size(),
  };
}
