import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorker, type Worker } from '../../server/worker/worker.ts';
import { payQris, startPayment } from '../support/checkout-api.ts';
import { refreshToken } from '../support/link-api.ts';
import {
  type Entry,
  type ExampleReceiver,
  startExampleReceiver,
} from '../support/example-receiver-process.ts';
import { createMerchant, type Merchant } from '../support/merchant.ts';
import {
  freePort,
  type ReceivedCallback,
  startMerchantReceiver,
} from '../support/merchant-receiver.ts';
import { createTestPaylink, type TestPaylink } from '../support/test-paylink.ts';
import { asMerchant, publicIdOfUrl } from '../support/v4-api.ts';
import { listDeliveries, paidVaPayment } from '../support/worker-fixture.ts';

// docs/examples/merchant-receiver.mjs, run as a merchant runs it (`node …` with the account's
// secrets), receiving real deliveries from the worker, and real signed requests replayed.

let t: TestPaylink;
let worker: Worker;
let merchant: Merchant;
let receiver: ExampleReceiver;

beforeEach(async () => {
  t = await createTestPaylink();
  t.clock.set(new Date()); // the script checks signature timestamps against the real time
  worker = createWorker(t.deps, 1000);
  const port = String(await freePort());
  merchant = await createMerchant(t, { callback_url: `http://localhost:${port}/paylink` });
  receiver = await startExampleReceiver({
    PORT: port,
    PAYLINK_WEBHOOK_SECRET: merchant.webhookSecret,
    PAYLINK_CLIENT_SECRET: merchant.clientSecret,
  });
});

afterEach(async () => {
  await receiver.stop();
  await t.close();
});

/** The one delivery of a link, as the merchant API lists it. */
async function onlyDelivery(linkId: number) {
  const listed = await listDeliveries(t, merchant, linkId);
  expect(listed).toHaveLength(1);
  return listed[0];
}

const ofWebhook = (webhookId: string) => (entry: Entry) => entry.fields.webhook_id === webhookId;

describe('the example merchant receiver, with deliveries from the worker', () => {
  it("verifies a v1.0 link's paid callback, and Paylink records it delivered", async () => {
    const { link, payment } = await paidVaPayment(t, merchant, {
      reff_no: 'INV-2026-0042',
      callback_url: receiver.url('/orders/callback?shop=kopi'),
    });
    expect(await worker.runOnce()).toMatchObject({ attempted: 1 });

    const delivery = await onlyDelivery(link.id);
    expect(delivery).toMatchObject({ attempts: 1, last_status_code: 200 });
    expect(delivery.delivered_at).not.toBeNull();
    expect(await receiver.waitForEntry(ofWebhook(delivery.webhook_id))).toEqual({
      result: 'verified',
      fields: {
        webhook_id: delivery.webhook_id,
        event: 'payment-link-transaction',
        status: 'paid',
        reff_no: payment.reff_no,
        payment_link_id: link.id,
        payment_link_reff_no: 'INV-2026-0042',
      },
    });
    const secretKey = merchant.webhookSecret.slice('whsec_'.length);
    expect(receiver.output()).not.toContain(secretKey);
    expect(receiver.output()).not.toContain(merchant.clientSecret);
  });

  it("verifies a v4 link's paid callback, sent to the account's callback_url", async () => {
    const created = await asMerchant(t, merchant).create({
      amount: 25_000,
      referenceId: 'ORDER-0042',
    });
    expect(created.status).toBe(201);
    const publicId = publicIdOfUrl(created.body.data.attributes.paymentLinkUrl);
    const started = await startPayment(t, publicId, { method: 'QRIS' });
    expect(started.status).toBe(201);
    expect((await payQris(t, started.body.data.qr_string)).status).toBe(200);
    await worker.runOnce();

    const listed = await listDeliveries(t, merchant);
    expect(listed).toHaveLength(1);
    const [delivery] = listed;
    expect(delivery).toMatchObject({ target: receiver.url('/paylink'), last_status_code: 200 });
    expect(await receiver.waitForEntry(ofWebhook(delivery.webhook_id))).toEqual({
      result: 'verified',
      fields: {
        webhook_id: delivery.webhook_id,
        event: 'payment_links',
        status: 'paid',
        payment_link_id: created.body.data.id,
        payment_link_reff_no: 'ORDER-0042',
      },
    });
  });

  it('refuses a timestamp more than 5 minutes old, then takes the retry', async () => {
    t.clock.set(new Date(Date.now() - 6 * 60_000));
    await refreshToken(t, merchant); // a token issued on the moved clock
    const { link } = await paidVaPayment(t, merchant);
    await worker.runOnce();
    const refused = await onlyDelivery(link.id);
    expect(refused).toMatchObject({ attempts: 1, last_status_code: 401, delivered_at: null });
    expect(await receiver.waitForEntry(ofWebhook(refused.webhook_id))).toMatchObject({
      result: 'refused',
      fields: { reason: 'invalid webhook-signature and X-Signature' },
    });

    t.clock.set(new Date()); // the retry (5 s later on the schedule) is due, with a fresh time
    expect(await worker.runOnce()).toMatchObject({ attempted: 1 });
    expect(await onlyDelivery(link.id)).toMatchObject({ attempts: 2, last_status_code: 200 });
    await receiver.waitForEntry((entry) => entry.result === 'verified');
    expect(receiver.entries().map((entry) => [entry.result, entry.fields.webhook_id])).toEqual([
      ['refused', refused.webhook_id],
      ['verified', refused.webhook_id],
    ]);
  });
});

describe('the example merchant receiver, with a real delivery sent again', () => {
  let delivered: ReceivedCallback;

  // Paylink delivers to a recording endpoint; the test then sends that request to the script.
  beforeEach(async () => {
    const recorder = await startMerchantReceiver();
    try {
      await paidVaPayment(t, merchant, {
        callback_url: recorder.url('/orders/callback?shop=kopi'),
      });
      await worker.runOnce();
      delivered = (await recorder.waitFor(1))[0]!;
    } finally {
      await recorder.close();
    }
  });

  /** POSTs the delivered request to the script, with some headers or the body replaced. */
  async function sendAgain(changes: { headers?: Record<string, string>; body?: string } = {}) {
    const { host: _host, 'content-length': _length, ...sent } = delivered.headers;
    const headers = Object.fromEntries(Object.entries(sent).map(([name, v]) => [name, String(v)]));
    const response = await fetch(receiver.url(delivered.url), {
      method: 'POST',
      headers: { ...headers, ...changes.headers },
      body: changes.body ?? delivered.body,
    });
    return response.status;
  }

  const webhookId = () => String(delivered.headers['webhook-id']);
  const resultsOfDelivery = () =>
    receiver
      .entries()
      .filter(ofWebhook(webhookId()))
      .map((entry) => entry.result);

  it('processes a webhook-id once, and acknowledges it again without processing', async () => {
    expect(await sendAgain()).toBe(200);
    expect(await sendAgain()).toBe(200);
    await receiver.waitForEntry((entry) => entry.result === 'duplicate');
    expect(resultsOfDelivery()).toEqual(['verified', 'duplicate']);
  });

  it('refuses a tampered body or either signature alone being wrong with 401', async () => {
    const tampered = delivered.body.replace('"50000.00"', '"5000.00"');
    expect(tampered).not.toBe(delivered.body);
    expect(await sendAgain({ body: tampered })).toBe(401);
    // Another token changes what X-Signature signs; webhook-signature stays right.
    expect(await sendAgain({ headers: { authorization: 'Bearer another-token' } })).toBe(401);
    const otherSignature = `v1,${Buffer.alloc(32).toString('base64')}`;
    expect(await sendAgain({ headers: { 'webhook-signature': otherSignature } })).toBe(401);
    await receiver.waitForEntry(() => resultsOfDelivery().length === 3);
    expect(receiver.entries().map((entry) => entry.fields.reason)).toEqual([
      'invalid webhook-signature and X-Signature',
      'invalid X-Signature',
      'invalid webhook-signature',
    ]);

    // Several signatures in one header: one right one is enough (key rotation).
    const both = `${otherSignature} ${String(delivered.headers['webhook-signature'])}`;
    expect(await sendAgain({ headers: { 'webhook-signature': both } })).toBe(200);
    await receiver.waitForEntry((entry) => entry.result === 'verified');
  });

  it('answers 400 to a body that is not JSON', async () => {
    expect(await sendAgain({ body: 'status=paid' })).toBe(400);
    expect(await receiver.waitForEntry(ofWebhook(webhookId()))).toMatchObject({
      result: 'refused',
      fields: { reason: 'body is not JSON' },
    });
  });
});

describe('the example merchant receiver, started without secrets', () => {
  it('refuses to start and says which variables to set', async () => {
    await expect(startExampleReceiver({ PORT: String(await freePort()) })).rejects.toThrow(
      /exited \(1\):\n.*set PAYLINK_WEBHOOK_SECRET and\/or PAYLINK_CLIENT_SECRET/,
    );
  });
});
