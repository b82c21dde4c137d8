import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  payQris,
  payVa,
  postForm,
  publicIdOf,
  startPayment,
} from '../../../tests/support/checkout-api.ts';
import { linkRow, paymentRow } from '../../../tests/support/checkout-db.ts';
import { createLinkOk, expectFailure, START } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
});
afterAll(() => t.close());

/** A link of Rp 30.000 with one pending payment of this method. */
async function pendingPayment(method: string, body: object = {}) {
  const link = await createLinkOk(t, merchant, { total_amount: 30_000, ...body });
  const publicId = publicIdOf(link);
  const payment = (await startPayment(t, publicId, { method })).body.data;
  return { link, publicId, payment };
}

const cancel = (publicId: string, reffNo: string) =>
  postForm(t, `/b2b/${publicId}/payments/${reffNo}/cancel`, {});

// SPEC §7: "the customer can go back and choose another method"; SPEC §2: pending → cancelled.
describe('POST /b2b/{id}/payments/{reff}/cancel', () => {
  it('cancels a pending VA payment: 303 back to the link, and the VA refuses money', async () => {
    const { link, publicId, payment } = await pendingPayment('VA_BRI');
    t.clock.advance(60_000);
    const answer = await cancel(publicId, payment.reff_no);
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`/b2b/${publicId}`);
    const row = await paymentRow(t, payment.reff_no);
    expect(row.status).toBe('cancelled');
    expect(row.endedAt).toEqual(new Date(START.getTime() + 60_000));
    t.clock.set(START);

    const va = { bank: 'BRI', va_number: payment.payment_method_value, amount: 30_000 };
    expectFailure(await payVa(t, va), 409, 'NOT_PAYABLE');
    expect((await linkRow(t, link.id)).currentUsage).toBe(0);
    expect((await startPayment(t, publicId, { method: 'VA_BNI' })).status).toBe(201);
  });

  it('cancels a pending QRIS payment: its QR refuses money', async () => {
    const { publicId, payment } = await pendingPayment('QRIS');
    expect((await cancel(publicId, payment.reff_no)).status).toBe(303);
    expectFailure(await payQris(t, payment.qr_string), 409, 'NOT_PAYABLE');
  });

  it('leaves a paid payment paid, and its use counted', async () => {
    const { link, publicId, payment } = await pendingPayment('VA_BNI', { max_usage: 2 });
    const va = { bank: 'BNI', va_number: payment.payment_method_value, amount: 30_000 };
    expect((await payVa(t, va)).status).toBe(200);
    expect((await cancel(publicId, payment.reff_no)).status).toBe(303);
    const row = await paymentRow(t, payment.reff_no);
    expect(row.status).toBe('paid');
    expect(row.endedAt).toBeNull();
    expect((await linkRow(t, link.id)).currentUsage).toBe(1);
  });

  it('marks a pending payment past its deadline expired, not cancelled', async () => {
    const { publicId, payment } = await pendingPayment('QRIS');
    t.clock.advance(30 * 60_000);
    try {
      expect((await cancel(publicId, payment.reff_no)).status).toBe(303);
      expect((await paymentRow(t, payment.reff_no)).status).toBe('expired');
    } finally {
      t.clock.set(START);
    }
  });

  it('works as a JSON post from the page script too', async () => {
    const { publicId, payment } = await pendingPayment('VA_CIMB');
    const response = await t.app.request(`/b2b/${publicId}/payments/${payment.reff_no}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(303);
    expect((await paymentRow(t, payment.reff_no)).status).toBe('cancelled');
  });

  it('404 with another link’s public id, and the payment stays pending', async () => {
    const { payment } = await pendingPayment('VA_BRI');
    const other = await createLinkOk(t, merchant);
    const answer = await t.app.request(
      `/b2b/${publicIdOf(other)}/payments/${payment.reff_no}/cancel`,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
    );
    expectFailure({ status: answer.status, body: await answer.json() }, 404, 'PAYMENT_NOT_FOUND');
    expect((await paymentRow(t, payment.reff_no)).status).toBe('pending');
  });

  it.each([
    [
      'an unknown reff',
      (publicId: string) => `/b2b/${publicId}/payments/PY0000000000000000000/cancel`,
    ],
    ['a malformed public id', () => '/b2b/PL123/payments/PY0000000000000000000/cancel'],
    ['an unknown public id', () => `/b2b/PL20260115100000${'f'.repeat(32)}/payments/x/cancel`],
  ])('404 for %s', async (_, path) => {
    const { publicId } = await pendingPayment('QRIS');
    const response = await t.app.request(path(publicId), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expectFailure(
      { status: response.status, body: await response.json() },
      404,
      'PAYMENT_NOT_FOUND',
    );
  });

  it('403 for a cross-site form post, which cancels nothing', async () => {
    const { publicId, payment } = await pendingPayment('VA_BRI');
    const path = `/b2b/${publicId}/payments/${payment.reff_no}/cancel`;
    expect((await postForm(t, path, {}, 'https://evil.example')).status).toBe(403);
    expect((await paymentRow(t, payment.reff_no)).status).toBe('pending');
  });
});
