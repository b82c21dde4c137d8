import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { payVa } from '../../tests/support/checkout-api.ts';
import { HOUR_MS, refreshToken } from '../../tests/support/link-api.ts';
import { callApi, createMerchant, type Merchant } from '../../tests/support/merchant.ts';
import {
  bodyOf,
  type MerchantReceiver,
  startMerchantReceiver,
} from '../../tests/support/merchant-receiver.ts';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';
import { expectSignedCallback } from '../../tests/support/verify-callback.ts';
import { AMOUNT, paidVaPayment, pendingVaPayment } from '../../tests/support/worker-fixture.ts';
import { createWorker, type Worker } from './worker.ts';

// SPEC §2 and §9: the worker settles paid payments SETTLEMENT_DELAY seconds after payment and
// expires pending ones at their deadline, and each change sends its callback.

const SECOND = 1000;

let t: TestPaylink;
let receiver: MerchantReceiver;
let merchant: Merchant;
let worker: Worker;

beforeEach(async () => {
  t = await createTestPaylink({ env: { SETTLEMENT_DELAY: '60' } });
  t.clock.set(new Date());
  receiver = await startMerchantReceiver();
  merchant = await createMerchant(t, {
    callback_url: receiver.url('/transactions'),
    inquiry_callback_url: receiver.url('/inquiries'),
  });
  worker = createWorker(t.deps, 1000);
});

afterEach(async () => {
  await receiver.close();
  await t.close();
});

async function history(paymentId: number): Promise<any> {
  await refreshToken(t, merchant);
  const answer = await callApi(
    t,
    merchant,
    'GET',
    `/api/v1.0/payment-link-histories/${merchant.accountId}/${paymentId}`,
  );
  expect(answer.status).toBe(200);
  return answer.body.data;
}

/** The transaction statuses and inquiry events the merchant received, in order. */
const told = () =>
  receiver.received.map((r) => {
    const body = bodyOf(r);
    return body.event === 'payment-link-transaction'
      ? `${r.url} ${body.data.transaction.status}`
      : `${r.url} ${body.event} ${body.data.payment_link_history.status}`;
  });

describe('worker: settlement after SETTLEMENT_DELAY', () => {
  it('settles 60 s after payment, not at 59 s, and only once', async () => {
    const paidAt = t.clock.now().getTime();
    const { payment } = await paidVaPayment(t, merchant);

    t.clock.set(new Date(paidAt + 59 * SECOND));
    expect(await worker.runOnce()).toMatchObject({ settled: 0 });
    expect((await history(payment.id)).status).toBe('paid');

    t.clock.set(new Date(paidAt + 60 * SECOND));
    expect(await worker.runOnce()).toMatchObject({ settled: 1 });
    expect(await history(payment.id)).toMatchObject({ status: 'settled', has_settle: true });
    expect(told()).toEqual([
      '/inquiries payment_link.inquiry pending',
      '/transactions paid',
      '/transactions settled',
    ]);
    for (const request of receiver.received) expectSignedCallback(request, merchant);

    t.clock.advance(HOUR_MS);
    expect(await worker.runOnce()).toMatchObject({ settled: 0, attempted: 0 });
    expect(receiver.received).toHaveLength(3);
  });
});

describe('worker: payment expiry at the deadline', () => {
  it('expires a VA payment 24 h after it started and sends payment_link.inquiry.expired', async () => {
    const startedAt = t.clock.now().getTime();
    const { payment } = await pendingVaPayment(t, merchant);
    expect(Date.parse(payment.expired_at)).toBe(
      Math.floor((startedAt + 24 * HOUR_MS) / SECOND) * SECOND,
    );

    t.clock.set(new Date(startedAt + 24 * HOUR_MS - SECOND));
    expect(await worker.runOnce()).toMatchObject({ expired: 0 });
    expect((await history(payment.id)).status).toBe('pending');

    t.clock.set(new Date(startedAt + 24 * HOUR_MS));
    expect(await worker.runOnce()).toMatchObject({ expired: 1 });
    expect((await history(payment.id)).status).toBe('expired');
    expect(told()).toEqual([
      '/inquiries payment_link.inquiry pending',
      '/inquiries payment_link.inquiry.expired expired',
    ]);
    const expired = receiver.received[1]!;
    expectSignedCallback(expired, merchant);
    expect(bodyOf(expired).data.payment_link_history).toMatchObject({
      reff_no: payment.reff_no,
      payment_method_value: payment.payment_method_value,
      amount: AMOUNT,
    });

    // Money arriving after the deadline is refused, and nothing else is sent.
    const late = await payVa(t, {
      bank: 'BRI',
      va_number: payment.payment_method_value,
      amount: AMOUNT,
    });
    expect(late.status).toBe(409);
    expect(await worker.runOnce()).toMatchObject({ expired: 0, attempted: 0 });
    expect(receiver.received).toHaveLength(2);
  });

  it("expires a payment at its link's expired_at when that comes first", async () => {
    const startedAt = t.clock.now().getTime();
    const linkEnds = startedAt + 2 * HOUR_MS;
    const { payment } = await pendingVaPayment(t, merchant, { expired_at: linkEnds });

    t.clock.set(new Date(linkEnds - SECOND));
    expect(await worker.runOnce()).toMatchObject({ expired: 0 });
    t.clock.set(new Date(linkEnds));
    expect(await worker.runOnce()).toMatchObject({ expired: 1 });
    expect((await history(payment.id)).status).toBe('expired');
    expect(told().at(-1)).toBe('/inquiries payment_link.inquiry.expired expired');
  });
});
