import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../tests/support/merchant.ts';
import {
  bodyOf,
  type MerchantReceiver,
  startMerchantReceiver,
} from '../../tests/support/merchant-receiver.ts';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';
import { expectSignedCallback, webhookIdOf } from '../../tests/support/verify-callback.ts';
import { deliveryOf, paidVaPayment } from '../../tests/support/worker-fixture.ts';
import { createWorker, type Worker } from './worker.ts';

// SPEC §6: at-least-once delivery, retried on any non-2xx or connection error with backoff
// and jitter for at least 24 hours. The test clock is moved; nothing sleeps.

const PAID = 'payment-link-transaction.paid';
const SECOND = 1000;
const MINUTE = 60 * SECOND;

let t: TestPaylink;
let receiver: MerchantReceiver;
let merchant: Merchant;
let worker: Worker;

beforeEach(async () => {
  t = await createTestPaylink();
  // The real time (for the standardwebhooks library), on a whole second: the API writes times
  // to the second, and the bounds below compare with them.
  t.clock.set(new Date(Math.floor(Date.now() / SECOND) * SECOND));
  receiver = await startMerchantReceiver();
  merchant = await createMerchant(t, { callback_url: receiver.url() });
  worker = createWorker(t.deps, 1000);
});

afterEach(async () => {
  await receiver.close();
  await t.close();
});

/** `next_attempt_at` of a listed delivery in epoch ms (the API writes whole seconds). */
const nextAttemptMs = (row: { next_attempt_at: string }) => Date.parse(row.next_attempt_at);

describe('worker: retries', () => {
  it('retries a 500 after about 5 s, not before, with the same webhook-id', async () => {
    receiver.answerNext(500);
    await paidVaPayment(t, merchant);
    const firstAt = t.clock.now().getTime();
    await worker.runOnce();
    expect(receiver.received.map((r) => r.answered)).toEqual([500]);
    const failed = await deliveryOf(t, merchant, PAID);
    expect(failed).toMatchObject({ attempts: 1, last_status_code: 500, delivered_at: null });
    // 5 s ± 10 % jitter, written to the second.
    expect(nextAttemptMs(failed) - firstAt).toBeGreaterThanOrEqual(4 * SECOND);
    expect(nextAttemptMs(failed) - firstAt).toBeLessThanOrEqual(5.5 * SECOND);

    t.clock.set(new Date(firstAt + 4 * SECOND));
    expect(await worker.runOnce()).toMatchObject({ attempted: 0 });
    expect(receiver.received).toHaveLength(1);

    t.clock.set(new Date(firstAt + 6 * SECOND));
    expect(await worker.runOnce()).toMatchObject({ attempted: 1 });
    expect(receiver.received.map((r) => r.answered)).toEqual([500, 200]);
    const [first, second] = receiver.received;
    expectSignedCallback(first!, merchant);
    expectSignedCallback(second!, merchant);
    expect(webhookIdOf(second!)).toBe(webhookIdOf(first!));
    expect(second!.body).toBe(first!.body);
    expect(Number(second!.headers['webhook-timestamp'])).toBeGreaterThan(
      Number(first!.headers['webhook-timestamp']),
    );
    const delivered = await deliveryOf(t, merchant, PAID);
    expect(delivered).toMatchObject({
      attempts: 2,
      last_status_code: 200,
      last_error: null,
      next_attempt_at: null,
      failed_at: null,
      webhook_id: webhookIdOf(first!),
    });
    expect(delivered.delivered_at).not.toBeNull();
  });

  it('counts a refused connection (merchant down) as a failed attempt, then delivers', async () => {
    await receiver.close();
    await paidVaPayment(t, merchant);
    expect(await worker.runOnce()).toMatchObject({ attempted: 1 });
    const failed = await deliveryOf(t, merchant, PAID);
    expect(failed).toMatchObject({ attempts: 1, last_status_code: null, delivered_at: null });
    // SPEC §6: no socket error is shown (ECONNREFUSED vs ECONNRESET would map a network).
    expect(failed.last_error).toBe('connection_failed');

    await receiver.listen();
    t.clock.advance(6 * SECOND);
    await worker.runOnce();
    expect(receiver.received).toHaveLength(1);
    expectSignedCallback(receiver.received[0]!, merchant);
    expect(webhookIdOf(receiver.received[0]!)).toBe(failed.webhook_id);
    expect(await deliveryOf(t, merchant, PAID)).toMatchObject({ attempts: 2, last_error: null });
  });

  it(
    'counts a merchant that answers after the 10 s timeout as a failed attempt',
    { timeout: 30_000 },
    async () => {
      receiver.setDelay(10_500);
      await paidVaPayment(t, merchant);
      expect(await worker.runOnce()).toMatchObject({ attempted: 1 });
      const failed = await deliveryOf(t, merchant, PAID);
      expect(failed).toMatchObject({ attempts: 1, last_status_code: null, delivered_at: null });
      expect(failed.last_error).toBe('timeout');

      receiver.setDelay(0);
      t.clock.advance(6 * SECOND);
      await worker.runOnce();
      expect(receiver.received.map(webhookIdOf)).toEqual([failed.webhook_id, failed.webhook_id]);
      expect((await deliveryOf(t, merchant, PAID)).delivered_at).not.toBeNull();
    },
  );

  it.each([301, 302, 307] as const)(
    'treats a %i redirect as a failure and does not follow it',
    async (status) => {
      receiver.answerNext({ redirect: status, to: '/moved' });
      await paidVaPayment(t, merchant);
      await worker.runOnce();
      expect(receiver.received.map((r) => [r.url, r.answered])).toEqual([
        ['/hooks/paylink', status],
      ]);
      expect(await deliveryOf(t, merchant, PAID)).toMatchObject({
        attempts: 1,
        last_status_code: status,
        delivered_at: null,
      });
      t.clock.advance(6 * SECOND);
      await worker.runOnce();
      expect(receiver.received.map((r) => r.url)).toEqual(['/hooks/paylink', '/hooks/paylink']);
      expect((await deliveryOf(t, merchant, PAID)).delivered_at).not.toBeNull();
    },
  );
});

describe('worker: giving up', () => {
  it('tries 8 times over more than 24 hours, then marks the delivery failed', async () => {
    receiver.setDefault(503);
    await paidVaPayment(t, merchant);
    let row: any;
    for (let pass = 0; pass < 20; pass++) {
      await worker.runOnce();
      row = await deliveryOf(t, merchant, PAID);
      if (row.failed_at !== null) break;
      t.clock.set(new Date(nextAttemptMs(row) + SECOND));
    }
    expect(row).toMatchObject({ attempts: 8, last_status_code: 503, next_attempt_at: null });
    expect(row.delivered_at).toBeNull();
    expect(row.failed_at).not.toBeNull();

    // The payment settles a day after it was paid: that callback has its own webhook-id.
    const attempts = receiver.received.filter((r) => webhookIdOf(r) === row.webhook_id);
    expect(attempts.every((r) => bodyOf(r).data.transaction.status === 'paid')).toBe(true);
    const sentAt = attempts.map((r) => Number(r.headers['webhook-timestamp']) * SECOND);
    expect(sentAt).toHaveLength(8);
    for (const request of attempts) expectSignedCallback(request, merchant);
    expect(sentAt.at(-1)! - sentAt[0]!).toBeGreaterThanOrEqual(24 * HOUR_MS);
    // Standard Webhooks' schedule, each gap ± 10 % (and the second the API rounds off).
    const schedule = [
      5 * SECOND,
      5 * MINUTE,
      30 * MINUTE,
      2 * HOUR_MS,
      5 * HOUR_MS,
      10 * HOUR_MS,
      10 * HOUR_MS,
    ];
    const gaps = sentAt.slice(1).map((at, i) => at - sentAt[i]!);
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(schedule[i]! * 0.9 - SECOND);
      expect(gap).toBeLessThanOrEqual(schedule[i]! * 1.1 + 2 * SECOND);
    });

    // Given up means given up: a month later nothing is sent.
    const before = receiver.received.length;
    t.clock.advance(30 * 24 * HOUR_MS);
    await worker.runOnce();
    expect(receiver.received.slice(before).map(webhookIdOf)).not.toContain(row.webhook_id);
    expect(await deliveryOf(t, merchant, PAID)).toMatchObject({ attempts: 8 });
  });
});
