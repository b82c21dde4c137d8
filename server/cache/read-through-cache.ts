import type { ChangeFeed } from '../changes/change-feed.ts';
import { createLru } from './lru.ts';

/** What a cached value depends on: one link (its row or payments), or one account. */
export type CacheTag = { linkId: number } | { accountId: string };

type Entry<V> = { value: V; tag: CacheTag };

/**
 * A read-through cache of database rows, kept true by the change feed: an entry is dropped
 * when its link or account changes, everything is dropped on 'all', and nothing is served
 * while the feed is not coherent. A read that raced a change is returned to its caller but
 * not kept. Concurrent misses of one key share one database read. Nulls are not cached.
 */
export type ReadThroughCache = {
  read: <V extends object>(
    key: string,
    load: () => Promise<V | null>,
    tagOf: (value: V) => CacheTag,
  ) => Promise<V | null>;
  size: () => number;
};

export function createReadThroughCache(
  feed: ChangeFeed,
  options: { maxEntries: number },
): ReadThroughCache {
  const entries = createLru<string, Entry<object>>({ maxEntries: options.maxEntries });
  const keysOfLink = new Map<number, Set<string>>();
  const keysOfAccount = new Map<string, Set<string>>();
  let inFlight = new Map<string, Promise<object | null>>();

  const indexOf = (tag: CacheTag) =>
    'linkId' in tag
      ? { index: keysOfLink, id: tag.linkId as number | string }
      : { index: keysOfAccount, id: tag.accountId as number | string };

  const dropKeys = (keys: Set<string> | undefined) => {
    for (const key of keys ?? []) entries.delete(key);
  };

  feed.subscribe((change) => {
    // A read still on its way may have started before this change: later readers start anew.
    inFlight = new Map();
    if (change === 'all') {
      entries.clear();
      keysOfLink.clear();
      keysOfAccount.clear();
    } else if (change.kind === 'link') {
      dropKeys(keysOfLink.get(change.linkId));
      keysOfLink.delete(change.linkId);
    } else {
      dropKeys(keysOfAccount.get(change.accountId));
      keysOfAccount.delete(change.accountId);
    }
  });

  const remember = (key: string, value: object, tag: CacheTag) => {
    entries.set(key, { value: Object.freeze(value), tag });
    const { index, id } = indexOf(tag);
    const keys = (index as Map<number | string, Set<string>>).get(id) ?? new Set<string>();
    keys.add(key);
    (index as Map<number | string, Set<string>>).set(id, keys);
    // The index may name keys the LRU has since evicted; it is trimmed when it grows large.
    if (keysOfLink.size + keysOfAccount.size > options.maxEntries * 2) {
      keysOfLink.clear();
      keysOfAccount.clear();
      entries.clear();
    }
  };

  return {
    async read<V extends object>(
      key: string,
      load: () => Promise<V | null>,
      tagOf: (value: V) => CacheTag,
    ) {
      if (!feed.isCoherent()) return load();
      const cached = entries.get(key);
      if (cached) return cached.value as V;
      const pending = inFlight.get(key);
      if (pending) return (await pending) as V | null;
      const sequence = feed.sequence();
      const loading = load();
      inFlight.set(key, loading);
      try {
        const value = await loading;
        if (value === null || !feed.isCoherent()) return value;
        const tag = tagOf(value);
        const isStale =
          'linkId' in tag
            ? feed.isChangedSince(tag.linkId, sequence)
            : feed.isChangedSince(-1, sequence);
        if (!isStale) remember(key, value, tag);
        return value;
      } finally {
        if (inFlight.get(key) === loading) inFlight.delete(key);
      }
    },
    size: () => entries.size(),
  };
}
