import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { payVa, settle, startPayment } from '../../tests/support/checkout-api.ts';
import { createMerchant, type Merchant } from '../../tests/support/merchant.ts';
import {
  bodyOf,
  type MerchantReceiver,
  startMerchantReceiver,
} from '../../tests/support/merchant-receiver.ts';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';
import { asMerchant } from '../../tests/support/v4-api.ts';
import { expectSignedCallback, webhookIdOf } from '../../tests/support/verify-callback.ts';
import {
  deliveryOf,
  listDeliveries,
  paidVaPayment,
  pendingVaPayment,
} from '../../tests/support/worker-fixture.ts';
import { createWorker, type Worker } from './worker.ts';

// SPEC §6 over real HTTP: the worker posts to a merchant's node:http server, and every
// request is checked with the merchant's own verifiers (tests/support/verify-callback.ts).

let t: TestPaylink;
let receiver: MerchantReceiver;
let worker: Worker;

beforeEach(async () => {
  t = await createTestPaylink();
  // The standardwebhooks library checks timestamps against the real time.
  t.clock.set(new Date());
  receiver = await startMerchantReceiver();
  worker = createWorker(t.deps, 1000);
});

afterEach(async () => {
  await receiver.close();
  await t.close();
});

/** The callbacks the merchant received for this event (`payment-link-transaction`, …). */
const ofEvent = (event: string) => receiver.received.filter((r) => bodyOf(r).event === event);

describe('worker: payment-link-transaction callbacks of a v1 link', () => {
  let merchant: Merchant;
  beforeEach(async () => {
    merchant = await createMerchant(t, { callback_url: receiver.url('/hooks/paylink?src=pl') });
  });

  it('posts paid, then settled, each signed both ways and with the SingaPay body', async () => {
    const { link, payment } = await paidVaPayment(t, merchant, { reff_no: 'INV-2026-0001' });
    expect(receiver.received).toHaveLength(0); // queued, not sent inside the request

    expect(await worker.runOnce()).toMatchObject({ attempted: 1 });
    expect(receiver.received).toHaveLength(1);
    const paid = receiver.received[0]!;
    expect(paid.url).toBe('/hooks/paylink?src=pl');
    expectSignedCallback(paid, merchant);
    const paidBody = bodyOf(paid);
    expect(paidBody).toMatchObject({
      status: 200,
      success: true,
      event: 'payment-link-transaction',
      data: {
        transaction: {
          reff_no: payment.reff_no,
          type: 'pl',
          status: 'paid',
          amount: { value: '50000.00', currency: 'IDR' },
        },
        payment: {
          method: 'payment_link',
          additional_info: {
            payment_link: {
              id: link.id,
              reff_no: 'INV-2026-0001',
              payment_url: link.payment_url,
              total_amount: '50000.00',
              current_usage: 1,
            },
          },
        },
      },
    });
    expect(paidBody.timestamp).toMatch(/^\d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2}$/);

    expect((await settle(t, payment.reff_no)).status).toBe(200);
    await worker.runOnce();
    expect(receiver.received).toHaveLength(2);
    const settled = receiver.received[1]!;
    expectSignedCallback(settled, merchant);
    expect(bodyOf(settled)).toMatchObject({
      event: 'payment-link-transaction',
      data: {
        transaction: { reff_no: payment.reff_no, status: 'settled', amount: { value: '50000.00' } },
        payment: { additional_info: { payment_link: { reff_no: 'INV-2026-0001' } } },
      },
    });
    expect(webhookIdOf(settled)).not.toBe(webhookIdOf(paid));

    // Delivered means done: another pass sends nothing again.
    expect(await worker.runOnce()).toMatchObject({ attempted: 0 });
    expect(receiver.received).toHaveLength(2);
    const listed = await listDeliveries(t, merchant, link.id);
    expect(listed.map((row) => [row.event, row.attempts, row.last_status_code])).toEqual([
      ['payment-link-transaction.settled', 1, 200],
      ['payment-link-transaction.paid', 1, 200],
    ]);
    expect(listed.map((row) => row.webhook_id)).toEqual([webhookIdOf(settled), webhookIdOf(paid)]);
    for (const row of listed) expect(row.delivered_at).not.toBeNull();
  });

  it("sends to the link's callback_url instead of the account's", async () => {
    const own = await startMerchantReceiver();
    try {
      await paidVaPayment(t, merchant, { callback_url: own.url('/link-hook') });
      await worker.runOnce();
      expect(receiver.received).toHaveLength(0);
      expect(own.received).toHaveLength(1);
      expect(own.received[0]!.url).toBe('/link-hook');
      expectSignedCallback(own.received[0]!, merchant);
    } finally {
      await own.close();
    }
  });

  it('does not send inquiry events when the account has no inquiry_callback_url', async () => {
    await pendingVaPayment(t, merchant);
    expect(await worker.runOnce()).toMatchObject({ attempted: 0 });
    expect(receiver.received).toHaveLength(0);
  });
});

describe('worker: callbacks of a v4 link (SPEC §4, §6)', () => {
  it('posts the v4 object with status paid, then completed', async () => {
    const merchant = await createMerchant(t, { callback_url: receiver.url('/v4-hook') });
    const created = await asMerchant(t, merchant).create({
      amount: 50_000,
      referenceId: 'ORDER-0001',
    });
    expect(created.status).toBe(201);
    const publicId = created.body.data.attributes.paymentLinkUrl.split('/b2b/')[1];
    const started = await startPayment(t, publicId, { method: 'VA_BRI' });
    expect(started.status).toBe(201);
    const vaNumber = started.body.data.payment_method_value;
    expect((await payVa(t, { bank: 'BRI', va_number: vaNumber, amount: 50_000 })).status).toBe(200);
    await worker.runOnce();
    expect((await settle(t, started.body.data.reff_no)).status).toBe(200);
    await worker.runOnce();

    expect(receiver.received.map((r) => r.url)).toEqual(['/v4-hook', '/v4-hook']);
    for (const request of receiver.received) expectSignedCallback(request, merchant);
    const [paid, completed] = receiver.received.map(bodyOf);
    const object = { id: created.body.data.id, type: 'payment_links' };
    const attributes = { amount: '50000.0', referenceId: 'ORDER-0001' };
    expect(paid).toMatchObject({
      data: { ...object, attributes: { ...attributes, status: 'paid' } },
    });
    expect(completed).toMatchObject({
      data: { ...object, attributes: { ...attributes, status: 'completed' } },
    });
  });
});

describe('worker: without a callback URL', () => {
  it('queues and sends nothing when neither the link nor the account has one', async () => {
    const merchant = await createMerchant(t);
    const { link } = await paidVaPayment(t, merchant);
    expect(await worker.runOnce()).toMatchObject({ attempted: 0 });
    expect(await listDeliveries(t, merchant, link.id)).toEqual([]);
    expect(receiver.received).toHaveLength(0);
  });
});

describe('worker: inquiry events (SPEC §6)', () => {
  it('posts payment_link.inquiry when a payment starts, to the inquiry URL only', async () => {
    const inquiries = await startMerchantReceiver();
    try {
      const merchant = await createMerchant(t, {
        callback_url: receiver.url(),
        inquiry_callback_url: inquiries.url('/inquiry'),
      });
      const { payment } = await pendingVaPayment(t, merchant);
      await worker.runOnce();
      expect(receiver.received).toHaveLength(0);
      expect(inquiries.received).toHaveLength(1);
      const inquiry = inquiries.received[0]!;
      expectSignedCallback(inquiry, merchant);
      expect(bodyOf(inquiry)).toMatchObject({
        status: 200,
        success: true,
        event: 'payment_link.inquiry',
        data: {
          payment_link_history: {
            reff_no: payment.reff_no,
            status: 'pending',
            payment_method_name: 'VA BRI',
            payment_method_value: payment.payment_method_value,
            amount: 50_000,
          },
        },
      });
      expect(await deliveryOf(t, merchant, 'payment_link.inquiry')).toMatchObject({
        target: inquiries.url('/inquiry'),
        attempts: 1,
        last_status_code: 200,
      });
      expect(ofEvent('payment_link.inquiry')).toHaveLength(0); // none went to the callback URL
    } finally {
      await inquiries.close();
    }
  });
});
