// Payment → page across two Paylink processes sharing one PostgreSQL database: the page
// watches process A while the bank's payment arrives through process B.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { authorize, createLink, createMerchant } from './fixtures.mjs';
import { recordPeaks } from './measure-paylink.mjs';
import { createScratchDatabase, dropScratchDatabase } from './postgres.mjs';
import { startPaylink } from './server.mjs';
import { measurePaymentLatency } from './sse-latency.mjs';

/** Fills results.sse.twoProcesses (and the processes' peaks); drops its database at the end. */
export async function measureTwoProcesses(context) {
  const { results, settings, ports, scratch, adminToken } = context;
  context.log('sse across two processes (PostgreSQL)…');
  const processes = [];
  let database;
  try {
    database = createScratchDatabase();
    // Both processes must open secrets sealed by either: one SECRET_KEY for the pair.
    const env = { DATABASE_URL: database.url, SECRET_KEY: randomBytes(32).toString('hex') };
    const start = async (name, port) => {
      const server = await startPaylink({ port, dataDir: join(scratch, name), adminToken, env });
      processes.push([`PostgreSQL ${name}`, server]);
      return server;
    };
    // One after the other: the first applies the migrations.
    const watcher = await start('A', ports.pgA);
    const payer = await start('B', ports.pgB);
    const merchant = await createMerchant(watcher.base, adminToken);
    const auth = await authorize(watcher.base, merchant);
    const link = await createLink(watcher.base, merchant, auth, {
      title: 'Kopi susu',
      max_usage: 100,
      items: [{ name: 'Kopi', quantity: 2, unit_price: 25000 }],
    });
    results.sse.twoProcesses = await measurePaymentLatency({
      watchBase: watcher.base,
      payBase: payer.base,
      publicId: link.publicId,
      count: settings.payments,
      budgetMs: settings.payments * 12_000,
    });
  } catch (error) {
    results.sse.twoProcesses = { error: error.message };
    results.failures.push({ section: 'sse (two processes)', error: error.stack ?? error.message });
  } finally {
    for (const [, server] of processes) await server.stop();
    recordPeaks(results, processes);
    if (database) dropScratchDatabase(database.name);
  }
}
