import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
import { paymentRow } from '../../../tests/support/checkout-db.ts';
import { createLinkOk, HOUR_MS, START_MS } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import type { OrderRecord } from '../../../tests/support/midtrans-emulator/midtrans-emulator.ts';
import {
  createMidtransPaylink,
  type MidtransPaylink,
} from '../../../tests/support/midtrans-paylink.ts';

// SPEC §10: with PAYMENT_PROVIDER=midtrans, starting a payment makes the order at the gateway
// (here the Midtrans emulator) and shows the customer what the gateway issued.

let gateway: MidtransPaylink;
let merchant: Merchant;

beforeAll(async () => {
  gateway = await createMidtransPaylink();
  merchant = await createMerchant(gateway.t, { name: 'Kopi Nusantara' });
});
afterAll(() => gateway.close());

const AMOUNT = 50_000;
const MINUTE_MS = 60_000;

async function startOn(method: string, linkBody: object = {}) {
  const link = await createLinkOk(gateway.t, merchant, { total_amount: AMOUNT, ...linkBody });
  const publicId = publicIdOf(link);
  const answer = await startPayment(gateway.t, publicId, { method });
  return { link, publicId, answer };
}

/** Starts a payment that must succeed: the answer's data, its row and the gateway's order. */
async function started(method: string, linkBody: object = {}) {
  const { link, publicId, answer } = await startOn(method, linkBody);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  const data = answer.body.data;
  const row = await paymentRow(gateway.t, data.reff_no);
  const order = gateway.emulator.order(data.reff_no);
  if (!order) throw new Error(`the gateway has no order ${data.reff_no}`);
  return { link, publicId, data, row, order };
}

/** The orders the gateway made after the first `before`, oldest first. */
const ordersSince = (before: number): OrderRecord[] => gateway.emulator.orders().slice(before);

describe('starting a payment makes one order at Midtrans', () => {
  it.each([
    ['VA_BCA', 'bca'],
    ['VA_BNI', 'bni'],
    ['VA_BRI', 'bri'],
    ['VA_CIMB', 'cimb'],
    ['VA_PERMATA', 'permata'],
  ])(
    '%s: the VA number Midtrans issued, for the link amount, until the deadline',
    async (method, bank) => {
      const { data, row, order, publicId } = await started(method);
      expect(order.instrument).toMatchObject({ paymentType: 'bank_transfer', bank });
      const vaNumber = (order.instrument as { vaNumber: string }).vaNumber;
      expect(data).toMatchObject({
        payment_method: method,
        payment_method_value: vaNumber,
        amount: '50000.00',
        status: 'pending',
        expired_at: '2026-01-16T10:00:00+07:00',
        qr_string: null,
        view_url: `${gateway.baseUrl}/b2b/${publicId}/payments/${data.reff_no}`,
      });
      expect(row).toMatchObject({
        connector: 'midtrans',
        gatewayRef: order.transactionId,
        methodValue: vaNumber,
        instrument: null,
        qrString: null,
      });
      expect(order).toMatchObject({
        orderId: data.reff_no,
        grossAmount: AMOUNT,
        status: 'pending',
      });
      expect(order.expiryTime).toBe(row.expiresAt.getTime());
      expect(order.expiryTime).toBe(START_MS + 24 * HOUR_MS);
    },
  );

  it('VA_MANDIRI: a Mandiri bill, its bill key shown as the number and the biller code kept', async () => {
    const { data, row, order } = await started('VA_MANDIRI');
    expect(order.instrument).toMatchObject({ paymentType: 'echannel', billerCode: '70012' });
    const billKey = (order.instrument as { billKey: string }).billKey;
    expect(data.payment_method_value).toBe(billKey);
    expect(row).toMatchObject({
      connector: 'midtrans',
      methodValue: billKey,
      instrument: { kind: 'bill', billerCode: '70012' },
    });
    expect(order.expiryTime).toBe(row.expiresAt.getTime());
  });

  it('QRIS with qr_string: the gateway’s QR text to scan, for 15 minutes', async () => {
    const { data, row, order } = await started('QRIS');
    const qrString = (order.instrument as { qrString: string }).qrString;
    expect(qrString).toMatch(/^000201/);
    expect(data).toMatchObject({
      payment_method_value: data.reff_no,
      qr_string: qrString,
      expired_at: '2026-01-15T10:15:00+07:00',
    });
    expect(row).toMatchObject({ connector: 'midtrans', qrString, instrument: null });
    expect(order.expiryTime).toBe(START_MS + 15 * MINUTE_MS);
    expect(order.expiryTime).toBe(row.expiresAt.getTime());
  });

  it('QRIS without qr_string: the gateway’s QR image instead', async () => {
    const own = await createMidtransPaylink({ emulator: { qrStringPolicy: 'never' } });
    try {
      const shop = await createMerchant(own.t);
      const link = await createLinkOk(own.t, shop, { total_amount: AMOUNT });
      const answer = await startPayment(own.t, publicIdOf(link), { method: 'QRIS' });
      expect(answer.status).toBe(201);
      expect(answer.body.data.qr_string).toBeNull();
      const order = own.emulator.order(answer.body.data.reff_no)!;
      const row = await paymentRow(own.t, answer.body.data.reff_no);
      expect(row.instrument).toEqual({
        kind: 'qr-image',
        qrImageUrl: `${own.emulator.url}/v2/qris/${order.transactionId}/qr-code`,
      });
      const image = await fetch((row.instrument as { qrImageUrl: string }).qrImageUrl);
      expect(image.headers.get('content-type')).toBe('image/png');
    } finally {
      await own.close();
    }
  });

  it('GOPAY: the wallet’s deep link, back to the payment’s page, and its QR image', async () => {
    const { data, row, order } = await started('GOPAY');
    expect(order.instrument).toMatchObject({
      paymentType: 'gopay',
      enableCallback: true,
      callbackUrl: data.view_url,
    });
    expect(data.payment_method_value).toBe(data.reff_no);
    const id = order.transactionId;
    expect(row.instrument).toEqual({
      kind: 'ewallet',
      deeplinkUrl: `${gateway.emulator.url}/app/gopay/${id}?callback_url=${encodeURIComponent(data.view_url)}`,
      qrImageUrl: `${gateway.emulator.url}/v2/gopay/${id}/qr-code`,
    });
    expect(order.expiryTime).toBe(START_MS + 15 * MINUTE_MS);
  });

  it('SHOPEEPAY: the wallet’s deep link, which is also what a wide screen shows as a QR', async () => {
    const { data, row, order } = await started('SHOPEEPAY');
    expect(order.instrument).toMatchObject({
      paymentType: 'shopeepay',
      callbackUrl: data.view_url,
    });
    const deeplinkUrl = `${gateway.emulator.url}/app/shopeepay/${order.transactionId}`;
    expect(row.instrument).toEqual({ kind: 'ewallet', deeplinkUrl, qrImageUrl: null });
    expect(data.qr_string).toBe(deeplinkUrl);
    expect(order.expiryTime).toBe(row.expiresAt.getTime());
  });

  it.each([
    ['ALFAMART', 'alfamart'],
    ['INDOMARET', 'indomaret'],
  ])('%s: the payment code for the cashier', async (method, store) => {
    const { data, row, order } = await started(method);
    expect(order.instrument).toMatchObject({ paymentType: 'cstore', store });
    const code = (order.instrument as { paymentCode: string }).paymentCode;
    expect(data.payment_method_value).toBe(code);
    expect(row.instrument).toEqual({ kind: 'store', store });
    expect(order.expiryTime).toBe(START_MS + 24 * HOUR_MS);
  });

  it('a link that expires first: the gateway’s order expires with it, not a day later', async () => {
    const expiredAt = new Date(START_MS + 2 * HOUR_MS).toISOString();
    const { data, row, order } = await started('VA_BNI', { expired_at: expiredAt });
    expect(data.expired_at).toBe('2026-01-15T12:00:00+07:00');
    expect(row.expiresAt.getTime()).toBe(START_MS + 2 * HOUR_MS);
    expect(order.expiryTime).toBe(START_MS + 2 * HOUR_MS);
  });

  it('each start is its own order: two payments of one link, two order ids', async () => {
    const before = gateway.emulator.orders().length;
    const link = await createLinkOk(gateway.t, merchant, { total_amount: AMOUNT, max_usage: 2 });
    const first = await startPayment(gateway.t, publicIdOf(link), { method: 'VA_BRI' });
    const second = await startPayment(gateway.t, publicIdOf(link), { method: 'QRIS' });
    expect(ordersSince(before).map((order) => order.orderId)).toEqual([
      first.body.data.reff_no,
      second.body.data.reff_no,
    ]);
  });
});
