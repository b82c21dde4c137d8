import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  linkStatus,
  payQris,
  payVa,
  publicIdOf,
  settle,
  startPayment,
} from '../../../tests/support/checkout-api.ts';
import { createLinkOk } from '../../../tests/support/link-api.ts';
import {
  callApi,
  createMerchant,
  linksPath,
  type Merchant,
} from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
});
afterAll(() => t.close());

describe('a VA payment, start to settlement', () => {
  it('is created as JSON, refuses a wrong amount, takes the right one once, and settles', async () => {
    const link = await createLinkOk(t, merchant, { total_amount: 50_000 });
    const publicId = publicIdOf(link);
    const started = await startPayment(t, publicId, { method: 'VA_BRI' });
    expect(started.status).toBe(201);
    const payment = started.body.data;
    expect(payment).toMatchObject({
      payment_link_id: link.id,
      payment_method: 'VA_BRI',
      payment_method_name: 'VA BRI',
      amount: '50000.00',
      status: 'pending',
      qr_string: null,
      view_url: `https://pay.example.test/b2b/${publicId}/payments/${payment.reff_no}`,
    });
    expect(payment.payment_method_value).toMatch(/^26215\d{10}$/);

    const wrong = await payVa(t, {
      bank: 'BRI',
      va_number: payment.payment_method_value,
      amount: 49_999,
    });
    expect(wrong.status).toBe(422);
    const paid = await payVa(t, {
      bank: 'BRI',
      va_number: payment.payment_method_value,
      amount: 50_000,
    });
    expect(paid.status).toBe(200);
    const again = await payVa(t, {
      bank: 'BRI',
      va_number: payment.payment_method_value,
      amount: 50_000,
    });
    expect(again.status).toBe(409);

    const shown = await callApi(t, merchant, 'GET', `${linksPath(merchant)}/${link.id}`);
    expect(shown.body.data).toMatchObject({
      current_usage: 1,
      status: 'closed',
      status_computed: 'closed',
    });
    expect(shown.body.data.payment_date).toBe('2026-01-15T10:00:00+07:00');
    const status = await linkStatus(t, publicId, payment.reff_no);
    expect(status.body).toEqual({
      link_status: 'closed',
      payment: { reff_no: payment.reff_no, status: 'paid' },
    });

    expect((await settle(t, payment.reff_no)).status).toBe(200);
    expect((await settle(t, payment.reff_no)).status).toBe(409);
  });
});

describe('a QRIS payment', () => {
  it('pays with exactly the text a phone scans', async () => {
    const link = await createLinkOk(t, merchant, { total_amount: 25_000, max_usage: 2 });
    const started = await startPayment(t, publicIdOf(link), { method: 'QRIS' });
    expect(started.status).toBe(201);
    const qr: string = started.body.data.qr_string;
    expect(qr).toContain(`5405250005802ID`);
    expect(started.body.data.payment_method_value).toBe(started.body.data.reff_no);
    expect((await payQris(t, `${qr.slice(0, -4)}0000`)).status).toBe(422);
    expect((await payQris(t, qr)).status).toBe(200);
    expect((await payQris(t, qr)).status).toBe(409);
  });
});

describe('closing at max_usage', () => {
  it('cancels the other pending payments so their VA refuses money', async () => {
    const link = await createLinkOk(t, merchant, { total_amount: 30_000, max_usage: 1 });
    const publicId = publicIdOf(link);
    const first = (await startPayment(t, publicId, { method: 'VA_BNI' })).body.data;
    const second = (await startPayment(t, publicId, { method: 'VA_BNI' })).body.data;
    expect(
      (await payVa(t, { bank: 'BNI', va_number: first.payment_method_value, amount: 30_000 }))
        .status,
    ).toBe(200);
    expect(
      (await payVa(t, { bank: 'BNI', va_number: second.payment_method_value, amount: 30_000 }))
        .status,
    ).toBe(409);
    const third = await startPayment(t, publicId, { method: 'VA_BNI' });
    expect(third.status).toBe(409);
    expect(third.body.error.reason).toBe('LINK_NOT_OPEN');
  });
});
