import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { payVa, startPayment } from '../../tests/support/checkout-api.ts';
import { createMerchant, type Merchant } from '../../tests/support/merchant.ts';
import {
  type MerchantReceiver,
  startMerchantReceiver,
} from '../../tests/support/merchant-receiver.ts';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '../../tests/support/scratch-database.ts';
import { testBackends } from '../../tests/support/test-database.ts';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';
import { asMerchant, deliveriesOf, linkRowByReference } from '../../tests/support/v4-api.ts';
import {
  listDeliveries,
  paidVaPayment,
  pendingVaPayment,
} from '../../tests/support/worker-fixture.ts';
import { createWorker, type Worker } from './worker.ts';

// SPEC §6 "Order": a payment's `settled` (v4: `completed`) callback is not attempted before
// its `paid` callback was delivered or given up, while other payments' callbacks flow. The
// merchant answers 500 to one payment's `paid` for a while; the clock is moved by hand.
// Inquiry events are a sequence of their own (docs/decisions/018-callback-order.md).

const SECOND = 1000;

/** Which payment (v1 reff_no, v4 referenceId) a callback is about, and its status. */
function aboutOf(request: { body: string }): { of: string; status: string } {
  const { data } = JSON.parse(request.body);
  if (data.transaction) return { of: data.transaction.reff_no, status: data.transaction.status };
  return { of: data.attributes.referenceId, status: data.attributes.status };
}

describe.each(testBackends())('worker: callback order per payment (%s)', (backend) => {
  let t: TestPaylink;
  let scratch: ScratchDatabase | null = null;
  let receiver: MerchantReceiver;
  let merchant: Merchant;
  let worker: Worker;
  let start: number;

  beforeEach(async () => {
    const env = { SETTLEMENT_DELAY: '2' };
    // PostgreSQL: a database of its own, since a worker sweeps every due row.
    scratch = backend === 'postgres' ? await createScratchDatabase() : null;
    t = await createTestPaylink(scratch ? { env, databaseUrl: scratch.url } : { env });
    start = Math.floor(Date.now() / SECOND) * SECOND;
    t.clock.set(new Date(start));
    receiver = await startMerchantReceiver();
    merchant = await createMerchant(t, { callback_url: receiver.url() });
    worker = createWorker(t.deps, 1000);
  });

  afterEach(async () => {
    await receiver.close();
    await t.close();
    await scratch?.drop();
  });

  /** The merchant answers `status` to the first `times` `paid` callbacks of this payment. */
  function failPaidOf(of: string, times: number, status = 500) {
    let failed = 0;
    receiver.answerWith((request) => {
      const about = aboutOf(request);
      if (about.of !== of || about.status !== 'paid' || failed >= times) return undefined;
      failed += 1;
      return status;
    });
  }

  /** What this payment's callbacks were, as received: `status answered @+seconds`. */
  const sequenceOf = (of: string) =>
    receiver.received
      .filter((r) => aboutOf(r).of === of)
      .map((r) => {
        const sentAt = Number(r.headers['webhook-timestamp']) * SECOND;
        return `${aboutOf(r).status} ${r.answered} @+${(sentAt - start) / SECOND}s`;
      });
  const statusesOf = (of: string) => sequenceOf(of).map((line) => line.split(' @')[0]);

  /** Moves the clock a second past this delivery's next attempt. */
  const moveToRetryOf = (row: { next_attempt_at: string }) =>
    t.clock.set(new Date(Date.parse(row.next_attempt_at) + SECOND));

  const rowOf = async (linkId: number, status: string) =>
    (await listDeliveries(t, merchant, linkId)).find((row) => row.event.endsWith(`.${status}`));

  it('holds settled while paid is failing, sends paid first, and lets others through', async () => {
    const a = await paidVaPayment(t, merchant);
    const b = await paidVaPayment(t, merchant);
    const [reffA, reffB] = [a.payment.reff_no, b.payment.reff_no];
    failPaidOf(reffA, 2);
    await worker.runOnce(); // A's paid: 500; B's paid: 200.

    t.clock.advance(3 * SECOND); // past SETTLEMENT_DELAY, before A's retry (≥ 4.5 s)
    const c = await paidVaPayment(t, merchant);
    expect(await worker.runOnce()).toMatchObject({ settled: 2 });
    // A is settled, its callback queued and due, but not attempted: paid is still failing.
    expect(await rowOf(a.link.id, 'settled')).toMatchObject({ attempts: 0, delivered_at: null });
    expect(statusesOf(reffB)).toEqual(['paid 200', 'settled 200']);
    expect(statusesOf(c.payment.reff_no)).toEqual(['paid 200']);

    moveToRetryOf((await rowOf(a.link.id, 'paid'))!);
    await worker.runOnce(); // A's paid: 500 again; C settles and is told meanwhile.
    expect(statusesOf(c.payment.reff_no)).toEqual(['paid 200', 'settled 200']);
    expect(await rowOf(a.link.id, 'settled')).toMatchObject({ attempts: 0 });
    expect(statusesOf(reffA)).toEqual(['paid 500', 'paid 500']);

    moveToRetryOf((await rowOf(a.link.id, 'paid'))!);
    await worker.runOnce(); // A's paid: 200.
    t.clock.advance(SECOND); // the worker's next pass (WORKER_INTERVAL_MS)
    await worker.runOnce(); // Only now A's settled.
    expect(statusesOf(reffA)).toEqual(['paid 500', 'paid 500', 'paid 200', 'settled 200']);
    const paid = await rowOf(a.link.id, 'paid');
    const settled = await rowOf(a.link.id, 'settled');
    expect(paid).toMatchObject({ attempts: 3, last_status_code: 200 });
    expect(settled).toMatchObject({ attempts: 1, last_status_code: 200 });
    expect(Date.parse(settled.delivered_at)).toBeGreaterThan(Date.parse(paid.delivered_at));
    expect(Date.parse(settled.created_at)).toBeLessThan(Date.parse(paid.delivered_at));
    console.info(
      `callback order (${backend}): payment A ${sequenceOf(reffA).join(', ')}; ` +
        `settled queued @+${(Date.parse(settled.created_at) - start) / SECOND}s; ` +
        `payment B ${sequenceOf(reffB).join(', ')}`,
    );
  });

  it('sends settled once the paid before it is given up', async () => {
    const a = await paidVaPayment(t, merchant);
    failPaidOf(a.payment.reff_no, Infinity, 503);
    let paid: any;
    for (let pass = 0; pass < 20; pass++) {
      await worker.runOnce();
      paid = await rowOf(a.link.id, 'paid');
      if (paid.failed_at !== null) break;
      const settled = await rowOf(a.link.id, 'settled');
      if (settled) expect(settled).toMatchObject({ attempts: 0 });
      moveToRetryOf(paid);
    }
    expect(paid).toMatchObject({ attempts: 8, delivered_at: null });
    expect(statusesOf(a.payment.reff_no)).toEqual(Array(8).fill('paid 503'));

    await worker.runOnce();
    expect(statusesOf(a.payment.reff_no)).toEqual([...Array(8).fill('paid 503'), 'settled 200']);
    const settled = await rowOf(a.link.id, 'settled');
    expect(settled).toMatchObject({ attempts: 1, last_status_code: 200 });
    expect(Date.parse(settled.delivered_at)).toBeGreaterThanOrEqual(Date.parse(paid.failed_at));
  });

  it('holds a v4 completed callback behind its paid', async () => {
    const created = await asMerchant(t, merchant).create({ amount: 50_000, referenceId: 'ORD-7' });
    expect(created.status).toBe(201);
    const publicId = created.body.data.attributes.paymentLinkUrl.split('/b2b/')[1];
    const started = await startPayment(t, publicId, { method: 'VA_BRI' });
    const vaNumber = started.body.data.payment_method_value;
    expect((await payVa(t, { bank: 'BRI', va_number: vaNumber, amount: 50_000 })).status).toBe(200);
    failPaidOf('ORD-7', 2);
    const [link] = await linkRowByReference(t, 'ORD-7');
    const v4Row = async (event: string) =>
      (await deliveriesOf(t, link!.id)).find((row) => row.event === event)!;

    await worker.runOnce(); // paid: 500
    t.clock.advance(3 * SECOND);
    expect(await worker.runOnce()).toMatchObject({ settled: 1 });
    expect(await v4Row('payment_link.completed')).toMatchObject({ attempts: 0 });
    for (let retry = 0; retry < 2; retry++) {
      const row = await v4Row('payment_link.paid');
      t.clock.set(new Date(row.nextAttemptAt.getTime() + SECOND));
      await worker.runOnce(); // paid: 500, then 200
      expect(await v4Row('payment_link.completed')).toMatchObject({ attempts: 0 });
    }
    await worker.runOnce();
    expect(statusesOf('ORD-7')).toEqual(['paid 500', 'paid 500', 'paid 200', 'completed 200']);
  });

  it('orders inquiry events apart: expired waits for inquiry, paid waits for neither', async () => {
    const inquiries = await startMerchantReceiver();
    try {
      const shop = await createMerchant(t, {
        callback_url: receiver.url(),
        inquiry_callback_url: inquiries.url('/inquiry'),
      });
      const paying = await pendingVaPayment(t, shop);
      const lapsing = await pendingVaPayment(t, shop);
      const reffOf = (r: { body: string }) => JSON.parse(r.body).data.payment_link_history.reff_no;
      let lapsingRefused = 0;
      inquiries.answerWith((request) => {
        if (reffOf(request) === paying.payment.reff_no) return 500;
        if (JSON.parse(request.body).event !== 'payment_link.inquiry') return undefined;
        return lapsingRefused++ < 2 ? 500 : undefined;
      });
      await worker.runOnce(); // both inquiries: 500

      const va = paying.payment.payment_method_value;
      expect((await payVa(t, { bank: 'BRI', va_number: va, amount: 50_000 })).status).toBe(200);
      await worker.runOnce(); // paid goes, though its payment's inquiry is still refused
      expect(statusesOf(paying.payment.reff_no)).toEqual(['paid 200']);

      t.clock.advance(2 * 24 * 3600 * SECOND); // past the lapsing payment's deadline
      await worker.runOnce(); // it expires; its inquiry: 500 again
      const inquiryRow = (await listDeliveries(t, shop, lapsing.link.id)).find(
        (row) => row.event === 'payment_link.inquiry',
      );
      moveToRetryOf(inquiryRow);
      await worker.runOnce(); // inquiry: 200
      await worker.runOnce(); // only now inquiry.expired
      const seen = inquiries.received
        .filter((r) => reffOf(r) === lapsing.payment.reff_no)
        .map((r) => `${JSON.parse(r.body).event} ${r.answered}`);
      expect(seen).toEqual([
        'payment_link.inquiry 500',
        'payment_link.inquiry 500',
        'payment_link.inquiry 200',
        'payment_link.inquiry.expired 200',
      ]);
    } finally {
      await inquiries.close();
    }
  });
});
