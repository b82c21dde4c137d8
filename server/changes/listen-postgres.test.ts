import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy } from '../../tests/support/tcp-proxy.ts';
import { type Change, createChangeFeed } from './change-feed.ts';
import { CHANGES_CHANNEL } from './change-payload.ts';
import { listenPostgres } from './listen-postgres.ts';

async function until(what: string, check: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// SPEC §9 "Outages" and docs/decisions/009: the caches trust the LISTEN connection only while it
// answers. A connection that goes silent without a reset must not keep them on.
describe.skipIf(!process.env.TEST_DATABASE_URL)('listenPostgres', () => {
  const databaseUrl = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://x@127.0.0.1/x');
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  beforeAll(async () => {
    proxy = await startTcpProxy({
      host: databaseUrl.hostname,
      port: Number(databaseUrl.port || 5432),
    });
  });
  afterAll(() => proxy.close());

  it('turns the caches off when its connection stops answering, and back on once it listens again', async () => {
    const viaProxy = new URL(databaseUrl);
    viaProxy.port = String(proxy.port);
    const feed = createChangeFeed();
    const heard: (Change | 'all')[] = [];
    feed.subscribe((change) => heard.push(change));
    const problems: string[] = [];
    const listener = listenPostgres(
      viaProxy.toString(),
      feed,
      (message, fields) => problems.push(`${message} ${String(fields?.reason)}`),
      () => {},
      { pingEveryMs: 100, pingTimeoutMs: 200 },
    );
    try {
      await listener.ready;
      expect(feed.isCoherent()).toBe(true);

      proxy.freeze();
      await until('caches off', () => !feed.isCoherent());
      expect(problems[0]).toMatch(/no answer to ping$/);
      await until('listening again', () => feed.isCoherent());

      // The new connection hears what another connection commits.
      heard.length = 0;
      const other = new pg.Client({ connectionString: databaseUrl.toString() });
      await other.connect();
      await other.query(`select pg_notify('${CHANGES_CHANNEL}', 'l:424242')`);
      await other.end();
      await until('notified', () => heard.length > 0);
      expect(heard).toContainEqual({ kind: 'link', linkId: 424242 });
    } finally {
      await listener.stop();
    }
  });
});
