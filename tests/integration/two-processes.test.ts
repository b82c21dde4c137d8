import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bodyOf,
  type ReceivedCallback,
  startMerchantReceiver,
} from '../support/merchant-receiver.ts';
import {
  createRemoteMerchant,
  payNewLink,
  settleRemote,
  waitForDelivered,
} from '../support/remote-paylink.ts';
import { createScratchDatabase } from '../support/scratch-database.ts';
import { killAllServers, startServer, tempDataDir } from '../support/server-process.ts';
import { expectSignedCallback, webhookIdOf } from '../support/verify-callback.ts';

// SPEC §9: several server processes may share one PostgreSQL. Two real server processes
// (the build, as children) each run their worker every 200 ms over the same outbox; the
// merchant must hear of each payment once. Needs PostgreSQL: TEST_DATABASE_URL names the
// server, where the test creates and drops a database of its own.

const PAYMENTS = 20;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await killAllServers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('two server processes on one PostgreSQL', () => {
  it('deliver each paid callback exactly once', { timeout: 60_000 }, async () => {
    const database = await createScratchDatabase();
    cleanups.push(database.drop);
    const receiver = await startMerchantReceiver();
    cleanups.push(receiver.close);
    // A slow merchant: each send is still in flight when the other process's worker looks.
    receiver.setDelay(250);
    const env = { DATABASE_URL: database.url, SECRET_KEY: randomBytes(32).toString('hex') };
    const dirs = await Promise.all([tempDataDir(), tempDataDir()]);
    for (const dir of dirs) cleanups.push(dir.remove);
    // Started together: both migrate and seed the demo account against one database.
    const [a, b] = await Promise.all(dirs.map((dir) => startServer({ dataDir: dir.dir, env })));
    const merchant = await createRemoteMerchant(a!.baseUrl, { callback_url: receiver.url() });

    const started = performance.now();
    const reffs = await Promise.all(
      Array.from({ length: PAYMENTS }, (_, i) => {
        const [one, other] = i % 2 === 0 ? [a!, b!] : [b!, a!];
        const servers = {
          create: one.baseUrl,
          start: other.baseUrl,
          pay: i % 3 ? one.baseUrl : other.baseUrl,
        };
        return payNewLink(servers, merchant, 10_000 + i).then((paid) => paid.reffNo);
      }),
    );
    await receiver.waitFor(PAYMENTS, () => true, 30_000);
    const seconds = (performance.now() - started) / 1000;
    // Several more passes of both workers: nothing arrives twice.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const ids = receiver.received.map(webhookIdOf);
    expect(ids).toHaveLength(PAYMENTS);
    expect(new Set(ids).size).toBe(PAYMENTS);
    expect(receiver.received.every((r) => r.answered === 200)).toBe(true);
    const paidReffs = receiver.received.map((r) => bodyOf(r).data.transaction.reff_no);
    expect(new Set(paidReffs)).toEqual(new Set(reffs));
    for (const request of receiver.received) expectSignedCallback(request, merchant);

    for (const server of [a!, b!]) {
      const listed = await waitForDelivered(server.baseUrl, merchant, PAYMENTS);
      expect(listed).toHaveLength(PAYMENTS);
      for (const row of listed) {
        expect(row).toMatchObject({
          event: 'payment-link-transaction.paid',
          attempts: 1,
          last_status_code: 200,
        });
        expect(row.delivered_at).not.toBeNull();
      }
      expect(new Set(listed.map((row) => row.webhook_id))).toEqual(new Set(ids));
    }
    console.info(
      `two-processes: ${PAYMENTS} paid callbacks delivered ${seconds.toFixed(1)} s after the first payment started`,
    );
    await Promise.all([a!.kill('SIGTERM'), b!.kill('SIGTERM')]);
  });

  it(
    "keep each payment's settled callback behind its paid one (SPEC §6 Order)",
    { timeout: 60_000 },
    async () => {
      const database = await createScratchDatabase();
      cleanups.push(database.drop);
      const receiver = await startMerchantReceiver();
      cleanups.push(receiver.close);
      receiver.setDelay(100);
      // Each payment's first paid callback is answered 500: it waits about 5 s for its retry,
      // while its settled callback is already queued.
      const refusedOnce = new Set<string>();
      receiver.answerWith(({ body }) => {
        const { reff_no: reffNo, status } = JSON.parse(body).data.transaction;
        if (status !== 'paid' || refusedOnce.has(reffNo)) return undefined;
        refusedOnce.add(reffNo);
        return 500;
      });
      const env = { DATABASE_URL: database.url, SECRET_KEY: randomBytes(32).toString('hex') };
      const dirs = await Promise.all([tempDataDir(), tempDataDir()]);
      for (const dir of dirs) cleanups.push(dir.remove);
      const [a, b] = await Promise.all(dirs.map((dir) => startServer({ dataDir: dir.dir, env })));
      const merchant = await createRemoteMerchant(a!.baseUrl, { callback_url: receiver.url() });

      const count = 6;
      const reffs = await Promise.all(
        Array.from({ length: count }, async (_, i) => {
          const [one, other] = i % 2 === 0 ? [a!, b!] : [b!, a!];
          const servers = { create: one.baseUrl, start: one.baseUrl, pay: one.baseUrl };
          const { reffNo } = await payNewLink(servers, merchant, 20_000 + i);
          await settleRemote(other.baseUrl, reffNo);
          return reffNo;
        }),
      );
      const isSettled = (r: ReceivedCallback) => bodyOf(r).data.transaction.status === 'settled';
      await receiver.waitFor(count, isSettled, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 1_000));

      const gaps: number[] = [];
      for (const reffNo of reffs) {
        const of = receiver.received.filter((r) => bodyOf(r).data.transaction.reff_no === reffNo);
        const seen = of.map((r) => `${bodyOf(r).data.transaction.status} ${r.answered}`);
        expect(seen, reffNo).toEqual(['paid 500', 'paid 200', 'settled 200']);
        // Sent only once the paid callback was answered (100 ms after it arrived).
        expect(of[2]!.receivedAt - of[1]!.receivedAt, reffNo).toBeGreaterThanOrEqual(90);
        gaps.push(of[2]!.receivedAt - of[1]!.receivedAt);
      }
      console.info(
        `two-processes order: ${count} payments, each paid 500, paid 200, settled 200; ` +
          `settled arrived ${Math.min(...gaps)}–${Math.max(...gaps)} ms after its paid 200`,
      );
      await Promise.all([a!.kill('SIGTERM'), b!.kill('SIGTERM')]);
    },
  );
});
