/**
 * What changed, as the caches and the live pages need to know it: a link (its row, or one of
 * its payments), an account, or "anything" when changes may have been missed (a lost LISTEN
 * connection).
 */
export type Change = { kind: 'link'; linkId: number } | { kind: 'account'; accountId: string };

export type ChangeListener = (change: Change | 'all') => void;

/** Past this many remembered links the oldest knowledge is dropped (see `isChangedSince`). */
const MAX_REMEMBERED_LINKS = 50_000;

/**
 * The in-process bus every committed write is announced on (by this process's stores right
 * after commit, and by PostgreSQL NOTIFY for other processes' writes). Each announcement gets
 * a sequence number, so a reader can tell whether what it read may already be old: capture
 * `sequence()` before reading, and store the result only if `isChangedSince` is false.
 */
export type ChangeFeed = {
  publish: (change: Change | 'all') => void;
  subscribe: (listener: ChangeListener) => () => void;
  sequence: () => number;
  /** True when the link (or everything) changed after `sequence` was taken. */
  isChangedSince: (linkId: number, sequence: number) => boolean;
  /** False while changes of other processes may be missed: caches must not be trusted then. */
  isCoherent: () => boolean;
  setCoherent: (isCoherent: boolean) => void;
};

export function createChangeFeed(): ChangeFeed {
  const listeners = new Set<ChangeListener>();
  const lastChangeOfLink = new Map<number, number>();
  let current = 0;
  // Everything up to this sequence counts as changed (set by 'all' and by forgetting).
  let floor = 0;
  let isCoherent = true;

  return {
    publish(change) {
      current += 1;
      if (change === 'all') floor = current;
      else if (change.kind === 'account') floor = current;
      else {
        lastChangeOfLink.delete(change.linkId);
        lastChangeOfLink.set(change.linkId, current);
        if (lastChangeOfLink.size > MAX_REMEMBERED_LINKS) {
          lastChangeOfLink.clear();
          floor = current;
        }
      }
      for (const listener of listeners) listener(change);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sequence: () => current,
    isChangedSince: (linkId, sequence) =>
      floor > sequence || (lastChangeOfLink.get(linkId) ?? 0) > sequence,
    isCoherent: () => isCoherent,
    setCoherent(value) {
      if (value === isCoherent) return;
      isCoherent = value;
      // Whatever was cached while deaf may be old: start again from the database.
      this.publish('all');
    },
  };
}
