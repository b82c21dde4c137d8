import pg from 'pg';
import type { LogFields } from '../logger.ts';
import { databaseUnavailableReason } from '../store/database-unavailable.ts';
import type { ChangeFeed } from './change-feed.ts';
import { CHANGES_CHANNEL, parseChangePayload } from './change-payload.ts';

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 10_000;

/**
 * Keeps one connection LISTENing on the changes channel and feeds what other processes commit
 * into this process's change feed. While the connection is down the feed is marked not
 * coherent (caches step aside); it reconnects by itself with a growing pause.
 */
export function listenPostgres(
  databaseUrl: string,
  feed: ChangeFeed,
  onProblem: (message: string, fields?: LogFields) => void,
  onRecovered: () => void = () => {},
): { ready: Promise<void>; stop: () => Promise<void> } {
  let client: pg.Client | null = null;
  let isStopped = false;
  let retryMs = RETRY_MIN_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const reconnectLater = (reason: string) => {
    feed.setCoherent(false);
    if (isStopped || timer) return;
    onProblem('change listener disconnected; caches off until it reconnects', {
      reason,
      retry_ms: retryMs,
    });
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl });
    client = next;
    next.on('notification', (message) => {
      const change = message.payload ? parseChangePayload(message.payload) : null;
      feed.publish(change ?? 'all');
    });
    next.on('error', (error) => reconnectLater(reasonOf(error)));
    next.on('end', () => {
      if (client === next) reconnectLater('connection ended');
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (retryMs !== RETRY_MIN_MS) onRecovered();
      retryMs = RETRY_MIN_MS;
      feed.setCoherent(true);
      markReady();
    } catch (error) {
      client = null;
      await next.end().catch(() => {});
      reconnectLater(reasonOf(error));
    }
  };

  feed.setCoherent(false);
  void connect();
  return {
    ready,
    async stop() {
      isStopped = true;
      clearTimeout(timer);
      const last = client;
      client = null;
      await last?.end().catch(() => {});
    },
  };
}

/** A fixed word for why the connection went (a driver's message may name the database). */
function reasonOf(error: unknown): string {
  return databaseUnavailableReason(error) ?? (error instanceof Error ? error.name : 'unknown');
}
