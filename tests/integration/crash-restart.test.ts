import { afterEach, describe, expect, it } from 'vitest';
import {
  bodyOf,
  freePort,
  type MerchantReceiver,
  type ReceivedCallback,
  startMerchantReceiver,
} from '../support/merchant-receiver.ts';
import {
  createRemoteMerchant,
  payNewLink,
  remoteDeliveries,
  settleRemote,
  waitForDelivered,
} from '../support/remote-paylink.ts';
import { killAllServers, startServer, tempDataDir } from '../support/server-process.ts';
import { expectSignedCallback, webhookIdOf } from '../support/verify-callback.ts';

// SPEC §6: delivery is durable: a callback queued with a payment survives the server being
// killed (SIGKILL: no shutdown code runs) and is delivered by the restarted server. This runs
// the real build (`npm run build`) as a child process on a temporary DATA_DIR (PGlite).

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await killAllServers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const statusOf = (request: ReceivedCallback): string => bodyOf(request).data.transaction.status;

/** Each event arrived under exactly one webhook-id; a repeated id only ever repeats its body. */
function expectOneIdPerEvent(receiver: MerchantReceiver, statuses: string[]) {
  for (const status of statuses) {
    const requests = receiver.received.filter((r) => statusOf(r) === status);
    expect(new Set(requests.map(webhookIdOf)).size, `webhook-ids of ${status}`).toBe(1);
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);
  }
}

describe('a server killed right after a payment', () => {
  it(
    'delivers the paid callback after a restart on the same DATA_DIR, once',
    { timeout: 45_000 },
    async () => {
      const data = await tempDataDir();
      cleanups.push(data.remove);
      // The merchant is down: nothing listens on its port yet.
      const receiver = await startMerchantReceiver({ port: await freePort() });
      cleanups.push(receiver.close);
      const port = await freePort();

      const first = await startServer({ dataDir: data.dir, port });
      const merchant = await createRemoteMerchant(first.baseUrl, {
        callback_url: receiver.url('/hooks/paylink?shop=1'),
      });
      const servers = { create: first.baseUrl, start: first.baseUrl, pay: first.baseUrl };
      const { reffNo } = await payNewLink(servers, merchant, 50_000);
      await first.kill('SIGKILL');
      expect(receiver.received).toHaveLength(0);

      await receiver.listen();
      const restartedAt = performance.now();
      const second = await startServer({ dataDir: data.dir, port });
      const [paid] = await receiver.waitFor(1, (r) => statusOf(r) === 'paid', 30_000);
      const secondsToCallback = (performance.now() - restartedAt) / 1000;
      expectSignedCallback(paid!, merchant);
      expect(paid!.url).toBe('/hooks/paylink?shop=1');
      expect(bodyOf(paid!).data.transaction).toMatchObject({
        reff_no: reffNo,
        status: 'paid',
        amount: { value: '50000.00', currency: 'IDR' },
      });

      await settleRemote(second.baseUrl, reffNo);
      const [settled] = await receiver.waitFor(1, (r) => statusOf(r) === 'settled', 15_000);
      expectSignedCallback(settled!, merchant);
      expect(bodyOf(settled!).data.transaction.reff_no).toBe(reffNo);

      // A few more worker passes (200 ms apart): nothing is sent again.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expectOneIdPerEvent(receiver, ['paid', 'settled']);
      expect(receiver.received.filter((r) => r.answered === 200)).toHaveLength(2);
      const listed = await waitForDelivered(second.baseUrl, merchant, 2);
      expect(listed.map((row) => [row.event, row.last_status_code])).toEqual([
        ['payment-link-transaction.settled', 200],
        ['payment-link-transaction.paid', 200],
      ]);
      expect(listed.map((row) => row.webhook_id)).toEqual([
        webhookIdOf(settled!),
        webhookIdOf(paid!),
      ]);
      console.info(
        `crash-restart: paid callback ${secondsToCallback.toFixed(1)} s after restart; ` +
          `attempts ${listed[1].attempts} (paid), ${listed[0].attempts} (settled)`,
      );
      await second.kill('SIGTERM');
    },
  );

  it(
    'keeps a failed attempt across the crash and retries it on schedule',
    { timeout: 45_000 },
    async () => {
      const data = await tempDataDir();
      cleanups.push(data.remove);
      const receiver = await startMerchantReceiver({ port: await freePort() });
      cleanups.push(receiver.close);
      const port = await freePort();

      const first = await startServer({ dataDir: data.dir, port });
      const merchant = await createRemoteMerchant(first.baseUrl, { callback_url: receiver.url() });
      const servers = { create: first.baseUrl, start: first.baseUrl, pay: first.baseUrl };
      await payNewLink(servers, merchant, 50_000);
      // This time the worker tries first: the refused connection is recorded, due again in ~5 s.
      let failed: any;
      for (let i = 0; i < 50 && !failed; i++) {
        failed = (await remoteDeliveries(first.baseUrl, merchant)).find(
          (row) => row.attempts === 1,
        );
        if (!failed) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(failed).toMatchObject({ delivered_at: null, last_status_code: null });
      expect(failed.last_error).toBe('connection_failed');
      await first.kill('SIGKILL');

      await receiver.listen();
      const second = await startServer({ dataDir: data.dir, port });
      const [paid] = await receiver.waitFor(1, (r) => statusOf(r) === 'paid', 30_000);
      expectSignedCallback(paid!, merchant);
      expect(webhookIdOf(paid!)).toBe(failed.webhook_id);
      // Not before the retry that was due when the server died (written to the second).
      const sentAt = Number(paid!.headers['webhook-timestamp']);
      expect(sentAt).toBeGreaterThanOrEqual(Date.parse(failed.next_attempt_at) / 1000);
      const [row] = await waitForDelivered(second.baseUrl, merchant, 1);
      expect(row).toMatchObject({
        attempts: 2,
        last_status_code: 200,
        webhook_id: failed.webhook_id,
      });
      expectOneIdPerEvent(receiver, ['paid']);
      await second.kill('SIGTERM');
    },
  );

  it(
    'still holds a queued settled callback behind its failing paid one after a restart',
    { timeout: 45_000 },
    async () => {
      const data = await tempDataDir();
      cleanups.push(data.remove);
      const receiver = await startMerchantReceiver();
      cleanups.push(receiver.close);
      // The first paid attempt is answered 500: its retry is due about 5 s later.
      receiver.answerNext(500);
      const port = await freePort();

      const first = await startServer({ dataDir: data.dir, port });
      const merchant = await createRemoteMerchant(first.baseUrl, { callback_url: receiver.url() });
      const servers = { create: first.baseUrl, start: first.baseUrl, pay: first.baseUrl };
      const { reffNo } = await payNewLink(servers, merchant, 50_000);
      await receiver.waitFor(1);
      await settleRemote(first.baseUrl, reffNo);
      await first.kill('SIGKILL');

      const second = await startServer({ dataDir: data.dir, port });
      await receiver.waitFor(1, (r) => statusOf(r) === 'settled', 30_000);
      expect(receiver.received.map((r) => `${statusOf(r)} ${r.answered}`)).toEqual([
        'paid 500',
        'paid 200',
        'settled 200',
      ]);
      expectOneIdPerEvent(receiver, ['paid', 'settled']);
      await second.kill('SIGTERM');
    },
  );
});
