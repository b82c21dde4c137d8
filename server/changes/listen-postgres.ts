import pg from 'pg';
import type { LogFields } from '../logger.ts';
import { databaseUnavailableReason } from '../store/database-unavailable.ts';
import type { ChangeFeed } from './change-feed.ts';
import { CHANGES_CHANNEL, parseChangePayload } from './change-payload.ts';

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 10_000;

/**
 * How often the connection must prove it is alive, and how long it has to answer. A connection
 * cut without a reset (a partition, a dead load balancer) would otherwise look open for as long
 * as TCP takes to notice, while the caches trusted it.
 */
export type ListenerTiming = { pingEveryMs: number; pingTimeoutMs: number };
const TIMING: ListenerTiming = { pingEveryMs: 15_000, pingTimeoutMs: 5_000 };

/**
 * Keeps one connection LISTENing on the changes channel and feeds what other processes commit
 * into this process's change feed. While the connection is down (or does not answer its
 * ping) the feed is marked not coherent (caches step aside); it reconnects by itself with a
 * growing pause.
 */
export function listenPostgres(
  databaseUrl: string,
  feed: ChangeFeed,
  onProblem: (message: string, fields?: LogFields) => void,
  onRecovered: () => void = () => {},
  timing: ListenerTiming = TIMING,
): { ready: Promise<void>; stop: () => Promise<void> } {
  let client: pg.Client | null = null;
  let isStopped = false;
  let retryMs = RETRY_MIN_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pinger: ReturnType<typeof setInterval> | undefined;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const reconnectLater = (reason: string) => {
    feed.setCoherent(false);
    clearInterval(pinger);
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

  const watch = (listening: pg.Client) => {
    pinger = setInterval(() => {
      const timeout = new Promise<false>((resolve) => {
        setTimeout(() => resolve(false), timing.pingTimeoutMs).unref();
      });
      const answer = listening.query('select 1').then(
        () => true,
        () => false,
      );
      void Promise.race([answer, timeout]).then((isAlive) => {
        if (isAlive || client !== listening) return;
        reconnectLater('no answer to ping');
        void listening.end().catch(() => {});
      });
    }, timing.pingEveryMs);
    pinger.unref();
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
    client = next;
    next.on('notification', (message) => {
      const change = message.payload ? parseChangePayload(message.payload) : null;
      feed.publish(change ?? 'all');
    });
    // A connection already replaced (after a failed ping) may still fail or end: not news.
    next.on('error', (error) => {
      if (client === next) reconnectLater(reasonOf(error));
    });
    next.on('end', () => {
      if (client === next) reconnectLater('connection ended');
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (retryMs !== RETRY_MIN_MS) onRecovered();
      retryMs = RETRY_MIN_MS;
      feed.setCoherent(true);
      watch(next);
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
      clearInterval(pinger);
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
