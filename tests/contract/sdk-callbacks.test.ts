import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, type Worker } from '../../server/worker/worker.ts';
import { settle } from '../support/checkout-api.ts';
import { createMerchant, type Merchant } from '../support/merchant.ts';
import {
  bodyOf,
  type MerchantReceiver,
  type ReceivedCallback,
  startMerchantReceiver,
} from '../support/merchant-receiver.ts';
import { createTestPaylink, type TestPaylink } from '../support/test-paylink.ts';
import { expectSignedCallback } from '../support/verify-callback.ts';
import { paidVaPayment, pendingVaPayment } from '../support/worker-fixture.ts';
import {
  laravelNormalize,
  singapayJsNormalize,
  verifyLikeLaravel,
  verifyLikeSingapayJs,
  webhookTypeOf,
} from './support/webhook-verifiers.ts';

// Contract (issue 11, SPEC §6): real callbacks, delivered by the worker to a merchant's HTTP
// endpoint, checked the way a merchant using each SDK checks them (support/webhook-verifiers.ts)
// and with the standardwebhooks library, and read where the SDKs read them.

const HOOK = '/webhooks/singapay?source=paylink';
const INQUIRY_HOOK = '/webhooks/singapay/inquiry';
const DAY = 86_400_000;

let t: TestPaylink;
let receiver: MerchantReceiver;
let worker: Worker;
let merchant: Merchant;
let link: any;
let payment: any;

beforeAll(async () => {
  t = await createTestPaylink();
  // The standardwebhooks library and the SDKs' 300 s window check X-Timestamp against now.
  t.clock.set(new Date());
  receiver = await startMerchantReceiver();
  worker = createWorker(t.deps, 1000);
  merchant = await createMerchant(t, {
    callback_url: receiver.url(HOOK),
    inquiry_callback_url: receiver.url(INQUIRY_HOOK),
  });
  // A slash and non-ASCII in the title: PHP re-encodes them only with its UNESCAPED flags.
  ({ link, payment } = await paidVaPayment(
    t,
    merchant,
    { reff_no: 'INV-2026-0042', title: 'Kopi Susu / Gula Aren – café', max_usage: 3 },
    { name: 'Siti Rahayu', email: 'siti@example.com', phone: '081234567890' },
  ));
  await worker.runOnce();
  expect((await settle(t, payment.reff_no)).status).toBe(200);
  await worker.runOnce();
});

afterAll(async () => {
  await receiver.close();
  await t.close();
});

const ofType = (type: string) => receiver.received.filter((r) => webhookTypeOf(bodyOf(r)) === type);

/** Every check a merchant on either SDK makes, plus Standard Webhooks and X-PARTNER-ID. */
function expectVerifiedBySdks(request: ReceivedCallback): void {
  const options = {
    endpoint: request.url,
    clientSecret: merchant.clientSecret,
    now: t.clock.now(),
  };
  // The re-encoded body, as SingaPay's own samples hash it; the raw bytes are only a fallback.
  expect(verifyLikeSingapayJs(request, options)).toBe('normalized');
  expect(verifyLikeLaravel(request, options)).toBe('normalized');
  expect(laravelNormalize(request.body)).toBe(singapayJsNormalize(JSON.parse(request.body)));
  expectSignedCallback(request, merchant);
}

describe('payment-link-transaction callbacks, as the SDK webhook handlers take them', () => {
  it('paid, then settled: both verify and carry the fields the SDKs map', () => {
    const transactions = ofType('payment-link-transaction');
    expect(transactions.map((r) => bodyOf(r).data.transaction.status)).toEqual(['paid', 'settled']);
    for (const request of transactions) {
      expect(request.url).toBe(HOOK);
      expectVerifiedBySdks(request);
      const body = bodyOf(request);
      expect(body).toMatchObject({
        status: 200,
        success: true,
        event: 'payment-link-transaction',
        timestamp: expect.stringMatching(/^\d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2}$/),
        data: {
          transaction: {
            reff_no: payment.reff_no,
            type: 'pl',
            amount: { value: '50000.00', currency: 'IDR' },
          },
          customer: { name: 'Siti Rahayu', email: 'siti@example.com' },
          payment: {
            method: 'payment_link',
            additional_info: {
              payment_link: { id: link.id, reff_no: 'INV-2026-0042', title: link.title },
            },
          },
        },
      });
    }
  });

  it('is refused by the same verifiers when the amount or the path differ', () => {
    const [paid] = ofType('payment-link-transaction');
    const options = {
      endpoint: paid!.url,
      clientSecret: merchant.clientSecret,
      now: t.clock.now(),
    };
    const forged = { ...paid!, body: paid!.body.replace('"50000.00"', '"5000000.00"') };
    expect(verifyLikeSingapayJs(forged, options)).toBe('refused: no signature matches');
    expect(verifyLikeLaravel(forged, options)).toBe('refused: no signature matches');
    const elsewhere = { ...options, endpoint: '/webhooks/singapay' };
    expect(verifyLikeLaravel(paid!, elsewhere)).toBe('refused: no signature matches');
    const late = { ...options, now: new Date(t.clock.now().getTime() + 301_000) };
    expect(verifyLikeSingapayJs(paid!, late)).toBe('refused: X-Timestamp outside 300 s');
  });
});

describe('inquiry callbacks, as the SDK webhook handlers take them', () => {
  it('payment_link.inquiry, and payment_link.inquiry.expired a day later, both verify', async () => {
    const { payment: unpaid } = await pendingVaPayment(t, merchant);
    await worker.runOnce();
    const viewed = ofType('payment-link-inquiry');
    expect(viewed.map((r) => bodyOf(r).data.payment_link_history.reff_no)).toEqual([
      payment.reff_no,
      unpaid.reff_no,
    ]);
    for (const request of viewed) {
      expect(request.url).toBe(INQUIRY_HOOK);
      expect(bodyOf(request)).toMatchObject({
        event: 'payment_link.inquiry',
        data: { payment_link_history: { status: 'pending', payment_method_name: 'VA BRI' } },
      });
      expectVerifiedBySdks(request);
    }

    t.clock.advance(DAY);
    await worker.runOnce();
    const expired = ofType('payment-link-inquiry').slice(2);
    expect(expired).toHaveLength(1);
    expect(bodyOf(expired[0]!)).toMatchObject({
      event: 'payment_link.inquiry.expired',
      data: {
        payment_link_history: { reff_no: unpaid.reff_no, status: 'expired', amount: 50_000 },
      },
    });
    expectVerifiedBySdks(expired[0]!);
  });
});
