import type { LogFields } from '../logger.ts';
import type { Database } from '../store/database.ts';
import { type ChangeFeed, createChangeFeed } from './change-feed.ts';
import { listenPglite } from './listen-pglite.ts';
import { listenPostgres } from './listen-postgres.ts';

/** How long a start waits for the LISTEN connection before serving without caches. */
const LISTEN_READY_MS = 5000;

/**
 * The change feed of this process, fed by the database's change notifications: PGlite's own
 * LISTEN, or a LISTEN connection to PostgreSQL (other processes' writes arrive there).
 */
export async function startChangeFeed(
  database: Database,
  onProblem: (message: string, fields?: LogFields) => void,
  onRecovered?: () => void,
): Promise<{ feed: ChangeFeed; stop: () => Promise<void> }> {
  const feed = createChangeFeed();
  if (database.pglite) {
    const unlisten = await listenPglite(database.pglite, feed);
    return { feed, stop: unlisten };
  }
  if (!database.databaseUrl) throw new Error('a PostgreSQL store without its URL');
  const listener = listenPostgres(database.databaseUrl, feed, onProblem, onRecovered);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    listener.ready,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, LISTEN_READY_MS);
    }),
  ]);
  clearTimeout(timer);
  return { feed, stop: listener.stop };
}
