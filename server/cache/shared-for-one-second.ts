const SHARE_MS = 1000;

/**
 * The same answer for every caller within one second: `GET /healthz` polled by a load balancer
 * and a flash sale at once asks the database once a second, not once a request. A failure is
 * shared too, for the same second; the next call after it asks again.
 */
export function sharedForOneSecond(check: () => Promise<void>): () => Promise<void> {
  let shared: Promise<void> | null = null;
  let startedAt = 0;
  return () => {
    const now = Date.now();
    if (!shared || now - startedAt >= SHARE_MS) {
      startedAt = now;
      shared = check();
      // Nobody may be awaiting it when it fails.
      shared.catch(() => {});
    }
    return shared;
  };
}
