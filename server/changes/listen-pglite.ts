import type { PGlite } from '@electric-sql/pglite';
import type { ChangeFeed } from './change-feed.ts';
import { CHANGES_CHANNEL, parseChangePayload } from './change-payload.ts';

/**
 * LISTENs on the embedded database, so that every committed write reaches the change feed,
 * including writes made outside the stores (a test's direct SQL). PGlite hands notifications
 * over as it reads the commit's answer, before the writer's await resumes.
 */
export async function listenPglite(client: PGlite, feed: ChangeFeed): Promise<() => Promise<void>> {
  return client.listen(CHANGES_CHANNEL, (payload) => {
    feed.publish(parseChangePayload(payload) ?? 'all');
  });
}
