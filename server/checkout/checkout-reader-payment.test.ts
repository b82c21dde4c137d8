import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { payQris, payVa, publicIdOf, startPayment } from '../../tests/support/checkout-api.ts';
import { createLinkOk, START } from '../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';
import { SANDBOX_QRIS_MERCHANT } from '../domain/payment-method/qris/qris-payload.ts';
import { createCheckoutReader } from './checkout-reader.ts';
import type { CheckoutReader } from './checkout-types.ts';

let t: TestPaylink;
let merchant: Merchant;
let reader: CheckoutReader;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t, { name: 'Toko Kopi Senja' });
  reader = createCheckoutReader(t.deps);
});
afterEach(() => t.clock.set(START));
afterAll(() => t.close());

const RETURN = 'https://shop.example/return?order=A-17&lang=id';

async function started(method: string, body: object = {}) {
  const link = await createLinkOk(t, merchant, {
    total_amount: 20_000,
    redirect_url: RETURN,
    ...body,
  });
  const publicId = publicIdOf(link);
  const payment = (await startPayment(t, publicId, { method })).body.data;
  return { link, publicId, payment };
}

// SPEC §7: the payment view — a VA number with instructions per channel, or a QRIS code.
describe('paymentPage', () => {
  it('VA: the number (grouped), the bank’s full name and instructions in id and en', async () => {
    const { link, publicId, payment } = await started('VA_BRI');
    const id = await reader.paymentPage(publicId, payment.reff_no, 'id');
    const number: string = payment.payment_method_value;
    expect(id).toMatchObject({
      linkReffNo: link.reff_no,
      merchantName: 'Toko Kopi Senja',
      linkState: 'open',
      payment: {
        reffNo: payment.reff_no,
        methodCode: 'VA_BRI',
        methodName: 'VA BRI',
        group: 'va',
        status: 'pending',
        amount: 20_000,
        expiresAt: '2026-01-16T10:00:00+07:00',
        va: {
          number,
          grouped: number.replace(/(\d{4})(?=\d)/g, '$1 '),
          bankName: 'Bank Rakyat Indonesia',
        },
        qr: null,
      },
      receipt: null,
      returnToMerchant: null,
    });
    expect(id?.payment.va?.grouped.replace(/ /g, '')).toBe(number);
    const en = await reader.paymentPage(publicId, payment.reff_no, 'en');
    for (const view of [id, en]) {
      const blocks = view?.payment.instructions ?? [];
      expect(blocks.map((block) => block.channel)).toEqual(
        expect.arrayContaining(['atm', 'mobile', 'internet']),
      );
      for (const block of blocks) expect(block.steps.length).toBeGreaterThan(0);
      expect(JSON.stringify(blocks)).toContain(id?.payment.va?.grouped);
    }
    expect(en?.payment.instructions).not.toEqual(id?.payment.instructions);
  });

  it('QRIS: the code as SVG, a PNG link and the payload; instructions in both languages', async () => {
    const { publicId, payment } = await started('QRIS');
    const view = await reader.paymentPage(publicId, payment.reff_no, 'id');
    expect(view?.payment).toMatchObject({
      methodCode: 'QRIS',
      group: 'qris',
      status: 'pending',
      expiresAt: '2026-01-15T10:30:00+07:00',
      va: null,
      qr: {
        pngUrl: `/b2b/${publicId}/payments/${payment.reff_no}/qr.png`,
        payload: payment.qr_string,
        nmid: SANDBOX_QRIS_MERCHANT.nmid,
      },
    });
    expect(view?.payment.qr?.svg).toContain('<svg');
    expect(view?.payment.instructions.length).toBeGreaterThan(0);
    const en = await reader.paymentPage(publicId, payment.reff_no, 'en');
    expect(en?.payment.instructions.length).toBeGreaterThan(0);
    expect(en?.payment.instructions).not.toEqual(view?.payment.instructions);
  });

  it('paid: a receipt, and back to the merchant with reff_no, status=paid and payment_id', async () => {
    const { link, publicId, payment } = await started('QRIS', { max_usage: 3 });
    t.clock.advance(2 * 60_000);
    expect((await payQris(t, payment.qr_string)).status).toBe(200);
    const view = await reader.paymentPage(publicId, payment.reff_no, 'id');
    expect(view).toMatchObject({
      payment: { status: 'paid' },
      receipt: {
        paymentReffNo: payment.reff_no,
        methodName: 'QRIS',
        amount: 20_000,
        paidAt: '2026-01-15T10:02:00+07:00',
      },
      returnToMerchant: { status: 'paid' },
    });
    const back = new URL(view?.returnToMerchant?.url ?? '');
    expect(`${back.origin}${back.pathname}`).toBe('https://shop.example/return');
    expect(Object.fromEntries(back.searchParams)).toEqual({
      order: 'A-17',
      lang: 'id',
      reff_no: link.reff_no,
      status: 'paid',
      payment_id: payment.reff_no,
    });
  });

  it('paid: automatic return only for the page that watched it, within ten minutes', async () => {
    const { publicId, payment } = await started('QRIS', { max_usage: 3 });
    expect((await payQris(t, payment.qr_string)).status).toBe(200);
    const as = async (isWatched: boolean) =>
      (await reader.paymentPage(publicId, payment.reff_no, 'id', { isWatched }))?.returnToMerchant
        ?.isAutomatic;
    expect(await as(true)).toBe(true);
    expect(await as(false)).toBe(false);
    t.clock.advance(10 * 60_000 + 1);
    expect(await as(true)).toBe(false);
  });

  it('paid without a redirect_url: a receipt, and nowhere to send the customer', async () => {
    const { publicId, payment } = await started('VA_BNI', { redirect_url: null });
    const va = { bank: 'BNI', va_number: payment.payment_method_value, amount: 20_000 };
    expect((await payVa(t, va)).status).toBe(200);
    const view = await reader.paymentPage(publicId, payment.reff_no, 'en');
    expect(view?.receipt?.paymentReffNo).toBe(payment.reff_no);
    expect(view?.returnToMerchant).toBeNull();
  });

  it('expired: status=expired and no payment_id', async () => {
    const { link, publicId, payment } = await started('QRIS', { max_usage: 3 });
    t.clock.advance(30 * 60_000);
    const view = await reader.paymentPage(publicId, payment.reff_no, 'id');
    expect(view).toMatchObject({
      linkState: 'open',
      payment: { status: 'expired' },
      receipt: null,
      returnToMerchant: { status: 'expired' },
    });
    const back = new URL(view?.returnToMerchant?.url ?? '');
    expect(Object.fromEntries(back.searchParams)).toEqual({
      order: 'A-17',
      lang: 'id',
      reff_no: link.reff_no,
      status: 'expired',
    });
  });

  it('null for a payment of another link, an unknown payment or an unknown link', async () => {
    const mine = await started('QRIS');
    const theirs = await started('VA_BRI');
    expect(await reader.paymentPage(mine.publicId, theirs.payment.reff_no, 'id')).toBeNull();
    expect(await reader.paymentPage(mine.publicId, 'PY0000000000000000000', 'id')).toBeNull();
    expect(await reader.paymentPage('PL123', mine.payment.reff_no, 'id')).toBeNull();
    expect(await reader.paymentPage(mine.publicId, mine.payment.reff_no, 'id')).not.toBeNull();
  });
});
