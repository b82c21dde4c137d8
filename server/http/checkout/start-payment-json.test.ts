import { parse as parseEmvco } from 'promptparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VA_BANKS } from '../../domain/payment-method/va/va-banks.ts';
import { publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
import { paymentRow } from '../../../tests/support/checkout-db.ts';
import { createLinkOk } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import {
  createTestPaylink,
  TEST_BASE_URL,
  type TestPaylink,
} from '../../../tests/support/test-paylink.ts';

let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t, { name: 'Kopi Nusantara' });
});
afterAll(() => t.close());

const PAYMENT_REFF = /^PY[0-9A-HJKMNP-TV-Z]{18}$/;

describe('POST /b2b/{id}/payments as JSON: the 201 envelope (SPEC §7, §3.4)', () => {
  it('answers a VA payment with every histories field, typed as the API types them', async () => {
    const link = await createLinkOk(t, merchant, {
      total_amount: 20_000,
      required_customer_detail: true,
    });
    const publicId = publicIdOf(link);
    const answer = await startPayment(t, publicId, {
      method: 'VA_BRI',
      customer: { name: '  Budi Santoso ', email: 'budi@example.com', phone: '0812-3456-7890' },
    });
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.body)).toEqual(['status', 'success', 'data']);
    const data = answer.body.data;
    expect(data).toEqual({
      id: expect.any(Number),
      reff_no: expect.stringMatching(PAYMENT_REFF),
      payment_link_id: link.id,
      payment_link_reff_no: link.reff_no,
      payment_method: 'VA_BRI',
      payment_method_name: 'VA BRI',
      payment_method_value: expect.stringMatching(/^26215\d{10}$/),
      expired_at: '2026-01-16T10:00:00+07:00',
      amount: '20000.00',
      payment_date: null,
      status: 'pending',
      customer_name: 'Budi Santoso',
      customer_email: 'budi@example.com',
      customer_phone: '+6281234567890',
      has_settle: false,
      settle_at: null,
      created_at: '2026-01-15T10:00:00+07:00',
      updated_at: '2026-01-15T10:00:00+07:00',
      qr_string: null,
      view_url: `${TEST_BASE_URL}/b2b/${publicId}/payments/${data.reff_no}`,
    });
    expect(answer.body).toMatchObject({ status: 201, success: true });

    // What was stored is what was answered.
    const row = await paymentRow(t, data.reff_no);
    expect(row).toMatchObject({
      id: data.id,
      linkId: link.id,
      accountId: merchant.accountId,
      methodCode: 'VA_BRI',
      methodValue: data.payment_method_value,
      amount: 20_000,
      status: 'pending',
      customer: { name: 'Budi Santoso', email: 'budi@example.com', phone: '+6281234567890' },
      expiresAt: new Date('2026-01-16T03:00:00Z'),
    });
  });

  it('caps expired_at at the link’s own expiry (SPEC §2)', async () => {
    const link = await createLinkOk(t, merchant, { expired_at: '2026-01-15T12:00:00+07:00' });
    const answer = await startPayment(t, publicIdOf(link), { method: 'VA_BNI' });
    expect(answer.body.data.expired_at).toBe('2026-01-15T12:00:00+07:00');
  });

  it('without customer details, stores none and answers null customer fields', async () => {
    const link = await createLinkOk(t, merchant);
    const answer = await startPayment(t, publicIdOf(link), { method: 'VA_BCA' });
    expect(answer.body.data).toMatchObject({
      customer_name: null,
      customer_email: null,
      customer_phone: null,
    });
    expect((await paymentRow(t, answer.body.data.reff_no)).customer).toBeNull();
  });

  it("without customer details, a link bound to a customer stores that customer's", async () => {
    const customer = { name: 'Budi Santoso', email: 'budi@example.com', phone: '081234567890' };
    const link = await createLinkOk(t, merchant, { customer });
    const answer = await startPayment(t, publicIdOf(link), { method: 'VA_BCA' });
    expect(answer.body.data).toMatchObject({
      customer_name: 'Budi Santoso',
      customer_email: 'budi@example.com',
      customer_phone: '+6281234567890',
    });
  });
});

describe('each VA bank issues its own numbers (va-banks.ts)', () => {
  it.each(VA_BANKS.map((bank) => [bank.code, bank] as const))('%s', async (code, bank) => {
    const link = await createLinkOk(t, merchant, { total_amount: 50_000, max_usage: 10 });
    const numbers = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const answer = await startPayment(t, publicIdOf(link), { method: code });
      expect(answer.status).toBe(201);
      const value: string = answer.body.data.payment_method_value;
      expect(value).toMatch(new RegExp(`^${bank.prefix}\\d{${bank.customerDigits}}$`));
      expect(value).toHaveLength(bank.prefix.length + bank.customerDigits);
      expect(answer.body.data.payment_method_name).toBe(`VA ${code.slice(3)}`);
      expect(answer.body.data.qr_string).toBeNull();
      numbers.add(value);
    }
    expect(numbers.size).toBe(3);
  });
});

describe('a QRIS payment carries its payload (SPEC §5)', () => {
  it('decodes with an independent EMVCo parser: amount in 54, the payment reff_no in 62/05', async () => {
    const link = await createLinkOk(t, merchant, { total_amount: 25_000 });
    const answer = await startPayment(t, publicIdOf(link), { method: 'QRIS' });
    expect(answer.status).toBe(201);
    const data = answer.body.data;
    expect(data).toMatchObject({
      payment_method: 'QRIS',
      payment_method_name: 'QRIS',
      payment_method_value: data.reff_no,
      amount: '25000.00',
      expired_at: '2026-01-15T10:30:00+07:00',
      qr_string: expect.any(String),
    });
    const qr = parseEmvco(data.qr_string, true, true);
    expect(qr, 'CRC and structure valid').not.toBeNull();
    expect(qr?.getTagValue('00')).toBe('01');
    expect(qr?.getTagValue('01')).toBe('12');
    expect(qr?.getTagValue('51', '00')).toBe('ID.CO.QRIS.WWW');
    expect(qr?.getTagValue('53')).toBe('360');
    expect(qr?.getTagValue('54')).toBe('25000');
    expect(qr?.getTagValue('58')).toBe('ID');
    expect(qr?.getTagValue('59')).toBe('Kopi Nusantara');
    expect(qr?.getTagValue('62', '05')).toBe(data.reff_no);
    expect(data.qr_string).toMatch(/6304[0-9A-F]{4}$/);
    expect((await paymentRow(t, data.reff_no)).qrString).toBe(data.qr_string);
  });

  it('gives every QRIS payment of a link its own reference and payload', async () => {
    const link = await createLinkOk(t, merchant, { total_amount: 25_000, max_usage: 5 });
    const first = (await startPayment(t, publicIdOf(link), { method: 'QRIS' })).body.data;
    const second = (await startPayment(t, publicIdOf(link), { method: 'QRIS' })).body.data;
    expect(first.reff_no).not.toBe(second.reff_no);
    expect(parseEmvco(second.qr_string, true, true)?.getTagValue('62', '05')).toBe(second.reff_no);
  });
});
