/** A bounded least-recently-used map: at most `maxEntries`, and at most `maxBytes` by `sizeOf`. */
export type Lru<K, V> = {
  get: (key: K) => V | undefined;
  set: (key: K, value: V) => void;
  delete: (key: K) => void;
  /** Removes every entry the predicate accepts. */
  deleteWhere: (predicate: (value: V, key: K) => boolean) => void;
  clear: () => void;
  size: () => number;
  bytes: () => number;
};

const NONE = Symbol('none');

export function createLru<K, V>(options: {
  maxEntries: number;
  maxBytes?: number;
  sizeOf?: (value: V) => number;
}): Lru<K, V> {
  const entries = new Map<K, V>();
  const sizeOf = options.sizeOf ?? (() => 0);
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  let bytes = 0;
  // The last key of `entries` when known: a client that repeats one request reads the same
  // entries again and again, and moving the last entry to the end changes nothing.
  let newest: K | typeof NONE = NONE;

  const remove = (key: K) => {
    const value = entries.get(key);
    if (value === undefined) return;
    bytes -= sizeOf(value);
    entries.delete(key);
    if (key === newest) newest = NONE;
  };

  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      if (key === newest) return value;
      // Map keeps insertion order: re-inserting makes this the most recently used.
      entries.delete(key);
      entries.set(key, value);
      newest = key;
      return value;
    },
    set(key, value) {
      remove(key);
      const size = sizeOf(value);
      if (size > maxBytes) return;
      entries.set(key, value);
      newest = key;
      bytes += size;
      for (const oldest of entries.keys()) {
        if (entries.size <= options.maxEntries && bytes <= maxBytes) break;
        remove(oldest);
      }
    },
    delete: remove,
    deleteWhere(predicate) {
      for (const [key, value] of entries) if (predicate(value, key)) remove(key);
    },
    clear() {
      entries.clear();
      newest = NONE;
      bytes = 0;
    },
    size: () => entries.size,
    bytes: () => bytes,
  };
}
