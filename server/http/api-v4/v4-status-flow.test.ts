import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { payVa, settle, startPayment } from '../../../tests/support/checkout-api.ts';
import { HOUR_MS, START } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';
import {
  asMerchant,
  deliveriesOf,
  EXAMPLE_ATTRIBUTES,
  linkRowByReference,
  publicIdOfUrl,
} from '../../../tests/support/v4-api.ts';

const CALLBACK_URL = 'https://merchant.example.test/paylink/callbacks';

let t: TestPaylink;
let merchant: Merchant;
let v4: ReturnType<typeof asMerchant>;
let counter = 0;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t, { callback_url: CALLBACK_URL });
  v4 = asMerchant(t, merchant);
});
beforeEach(() => t.clock.set(START));
afterAll(() => t.close());

/** Creates a v4 link; answers its v4 id, public id, reference and stored id. */
async function createV4(attributes: Record<string, unknown> = {}) {
  const referenceId = `FLOW-${++counter}`;
  const all = { ...EXAMPLE_ATTRIBUTES, amount: 20_000, referenceId, ...attributes };
  const created = await v4.create(all);
  expect(created.status).toBe(201);
  const [row] = await linkRowByReference(t, referenceId);
  return {
    attributes: all,
    id: created.body.data.id as string,
    publicId: publicIdOfUrl(created.body.data.attributes.paymentLinkUrl),
    linkId: row?.id ?? 0,
  };
}

/** The customer pays the link by BNI virtual account in the sandbox; answers the payment's reff_no. */
async function payByVa(publicId: string): Promise<string> {
  const started = await startPayment(t, publicId, { method: 'VA_BNI' });
  expect(started.status).toBe(201);
  const payment = started.body.data;
  const paid = await payVa(t, {
    bank: 'BNI',
    va_number: payment.payment_method_value,
    amount: 20_000,
  });
  expect(paid.status).toBe(200);
  return payment.reff_no;
}

const statusOf = async (id: string) => (await v4.show(id)).body.data.attributes.status;

/** The v4 callbacks queued for a link: [event, body]. */
async function callbacksOf(linkId: number) {
  const queued = await deliveriesOf(t, linkId);
  return queued
    .filter((d) => d.channel === 'webhook')
    .map((d) => ({ event: d.event, target: d.target, body: JSON.parse(d.payload) }));
}

// SPEC §4 status: pending (unpaid), paid, completed (settled), expired (expired unpaid).
describe('GET /api/v4/payment_links/{id}: the status through the payment lifecycle', () => {
  it('200 with the same object as the create answer', async () => {
    const created = await v4.create({ amount: 20_000, referenceId: `FLOW-${++counter}` });
    t.clock.advance(60_000);
    const shown = await v4.show(created.body.data.id);
    expect(shown.status).toBe(200);
    expect(shown.body).toStrictEqual(created.body);
  });

  it('pending → paid → completed, and the callbacks carry the same object as GET', async () => {
    const link = await createV4();
    expect(await statusOf(link.id)).toBe('pending');

    t.clock.advance(5 * 60_000);
    const paymentReff = await payByVa(link.publicId);
    const paid = await v4.show(link.id);
    expect(paid.body.data.attributes.status).toBe('paid');
    let callbacks = await callbacksOf(link.linkId);
    expect(callbacks.map((c) => [c.event, c.target])).toEqual([
      ['payment_link.paid', CALLBACK_URL],
    ]);
    expect(callbacks[0]?.body).toStrictEqual(paid.body);

    t.clock.advance(HOUR_MS);
    expect((await settle(t, paymentReff)).status).toBe(200);
    const completed = await v4.show(link.id);
    expect(completed.body.data.attributes.status).toBe('completed');
    callbacks = await callbacksOf(link.linkId);
    expect(callbacks.map((c) => c.event)).toEqual(['payment_link.paid', 'payment_link.completed']);
    expect(callbacks[1]?.body).toStrictEqual(completed.body);
  });

  it('answers a repeat of the create request after payment with the link as it is now', async () => {
    const link = await createV4();
    await payByVa(link.publicId);
    const again = await v4.create(link.attributes);
    expect(again.status).toBe(201);
    expect(again.body.data.id).toBe(link.id);
    expect(again.body.data.attributes.status).toBe('paid');
  });

  it('expired once the clock passes expiredAt with nothing paid, pending until then', async () => {
    const link = await createV4({ expiredAt: '2026-01-15 11:00:00 +0700' });
    await startPayment(t, link.publicId, { method: 'QRIS' });
    t.clock.set(new Date('2026-01-15T03:59:59.999Z'));
    expect(await statusOf(link.id)).toBe('pending');
    t.clock.set(new Date('2026-01-15T04:00:00.000Z'));
    expect(await statusOf(link.id)).toBe('expired');
    expect(await callbacksOf(link.linkId)).toEqual([]);
  });

  it('stays paid after expiredAt once paid, and completed after settlement', async () => {
    const link = await createV4({ expiredAt: '2026-01-15 12:00:00 +0700' });
    const paymentReff = await payByVa(link.publicId);
    t.clock.advance(3 * HOUR_MS);
    expect(await statusOf(link.id)).toBe('paid');
    expect((await settle(t, paymentReff)).status).toBe(200);
    expect(await statusOf(link.id)).toBe('completed');
  });

  it('is single-use: a second payment cannot start once paid', async () => {
    const link = await createV4();
    await payByVa(link.publicId);
    const second = await startPayment(t, link.publicId, { method: 'VA_BRI' });
    expect(second.status).toBe(409);
  });
});
