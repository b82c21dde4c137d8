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

export function createLru<K, V>(options: {
  maxEntries: number;
  maxBytes?: number;
  sizeOf?: (value: V) => number;
}): Lru<K, V> {
  const entries = new Map<K, V>();
  const sizeOf = options.sizeOf ?? (() => 0);
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  let bytes = 0;

  const remove = (key: K) => {
    const value = entries.get(key);
    if (value === undefined) return;
    bytes -= sizeOf(value);
    entries.delete(key);
  };

  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      // Map keeps insertion order: re-inserting makes this the most recently used.
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      remove(key);
      const size = sizeOf(value);
      if (size > maxBytes) return;
      entries.set(key, value);
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
      bytes = 0;
    },
    size: () => entries.size,
    bytes: () => bytes,
  };
}
