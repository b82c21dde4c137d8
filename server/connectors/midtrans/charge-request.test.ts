import { describe, expect, it } from 'vitest';
import type { InstrumentRequest } from '../../domain/connector/connector.ts';
import { buildChargeRequest } from './charge-request.ts';
import { MIDTRANS_CATALOG } from './midtrans-catalog.ts';

const NOW = new Date('2026-12-07T11:28:12.400Z');

function requestFor(code: string, changes: Partial<InstrumentRequest> = {}): InstrumentRequest {
  const method = MIDTRANS_CATALOG.find((m) => m.code === code);
  if (!method) throw new Error(`no ${code}`);
  return {
    reffNo: 'PY0123456789ABCDEFGH',
    method,
    amount: 44_000,
    now: NOW,
    expiresAt: new Date(NOW.getTime() + 15 * 60 * 1000),
    merchantName: 'Toko Budi',
    customer: null,
    returnUrl: 'https://pay.example/b2b/abc/payments/PY0123456789ABCDEFGH',
    ...changes,
  };
}

function bodyFor(code: string, changes: Partial<InstrumentRequest> = {}) {
  const built = buildChargeRequest(requestFor(code, changes));
  if (!built.ok) throw new Error(built.message);
  return built.body;
}

describe('buildChargeRequest', () => {
  it('builds the documented BCA bank transfer with the payment as the order', () => {
    expect(bodyFor('VA_BCA')).toEqual({
      payment_type: 'bank_transfer',
      transaction_details: { order_id: 'PY0123456789ABCDEFGH', gross_amount: 44_000 },
      custom_expiry: {
        order_time: '2026-12-07 18:28:12 +0700',
        expiry_duration: 900,
        unit: 'second',
      },
      bank_transfer: { bank: 'bca' },
    });
  });

  it.each([
    ['VA_BNI', 'bni'],
    ['VA_BRI', 'bri'],
    ['VA_PERMATA', 'permata'],
    ['VA_CIMB', 'cimb'],
  ])('sends %s as a bank transfer to %s', (code, bank) => {
    expect(bodyFor(code)).toMatchObject({
      payment_type: 'bank_transfer',
      bank_transfer: { bank },
    });
  });

  it('sends Mandiri as a bill with the merchant name cut to 30 characters', () => {
    const body = bodyFor('VA_MANDIRI', { merchantName: 'PT Sumber Rejeki Makmur Sentosa Abadi' });
    expect(body.payment_type).toBe('echannel');
    expect(body.echannel).toEqual({
      bill_info1: 'Payment:',
      bill_info2: 'PT Sumber Rejeki Makmur Sentos',
    });
  });

  it('asks for a GoPay-acquired QRIS', () => {
    expect(bodyFor('QRIS')).toMatchObject({ payment_type: 'qris', qris: { acquirer: 'gopay' } });
  });

  it('sends e-wallet customers back to the payment page', () => {
    const returnUrl = requestFor('GOPAY').returnUrl;
    expect(bodyFor('GOPAY')).toMatchObject({
      payment_type: 'gopay',
      gopay: { enable_callback: true, callback_url: returnUrl },
    });
    expect(bodyFor('SHOPEEPAY')).toMatchObject({
      payment_type: 'shopeepay',
      shopeepay: { callback_url: returnUrl },
    });
  });

  it('labels store payments with the merchant name, within the documented lengths', () => {
    const merchantName = 'Warung | Makan Sederhana Sekali Enak Dan Murah Meriah';
    expect(bodyFor('ALFAMART', { merchantName }).cstore).toEqual({
      store: 'alfamart',
      alfamart_free_text_1: 'Warung Makan Sederhana Sekali Enak Dan M',
    });
    expect(bodyFor('INDOMARET', { merchantName }).cstore).toEqual({
      store: 'indomaret',
      message: 'Warung | Makan Seder',
    });
  });

  it('sends what is known of the customer, and an empty object for Indomaret', () => {
    const customer = { name: 'Budi', email: 'budi@example.com', phone: null };
    expect(bodyFor('VA_BNI', { customer }).customer_details).toEqual({
      first_name: 'Budi',
      email: 'budi@example.com',
    });
    expect(bodyFor('VA_BNI')).not.toHaveProperty('customer_details');
    expect(bodyFor('INDOMARET').customer_details).toEqual({});
  });

  it('counts whole seconds down to the deadline, never past it', () => {
    const expiresAt = new Date(NOW.getTime() + 60_999);
    expect(bodyFor('QRIS', { expiresAt }).custom_expiry.expiry_duration).toBe(60);
  });

  it('takes exactly the documented 20-second minimum', () => {
    const expiresAt = new Date(NOW.getTime() + 20_000);
    expect(bodyFor('QRIS', { expiresAt }).custom_expiry.expiry_duration).toBe(20);
  });

  it.each([
    ['fewer than 20 seconds left', { expiresAt: new Date(NOW.getTime() + 19_999) }],
    ['a deadline already past', { expiresAt: new Date(NOW.getTime() - 1_000) }],
    ['a fractional amount', { amount: 44_000.5 }],
    ['no amount', { amount: 0 }],
    ['an order id Midtrans declines', { reffNo: 'PY/1' }],
  ])('sends nothing for %s', (_name, changes) => {
    expect(buildChargeRequest(requestFor('QRIS', changes)).ok).toBe(false);
  });

  it('sends nothing for a method Midtrans does not offer', () => {
    const request = requestFor('QRIS');
    const built = buildChargeRequest({ ...request, method: { ...request.method, code: 'VA_BSI' } });
    expect(built).toEqual({ ok: false, message: 'Midtrans does not offer VA_BSI.' });
  });
});
