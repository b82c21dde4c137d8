import { decode, encode, tag, withCrcTag } from 'promptparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDynamicQris,
  SANDBOX_QRIS_MERCHANT,
} from '../../domain/payment-method/qris/qris-payload.ts';
import { payQris, publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
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
afterEach(() => t.clock.set(START));
afterAll(() => t.close());

/** A pending QRIS payment of Rp 25.000 (or this amount) on a fresh link. */
async function qrisPayment(amount = 25_000) {
  const link = await createLinkOk(t, merchant, { total_amount: amount, max_usage: 5 });
  const answer = await startPayment(t, publicIdOf(link), { method: 'QRIS' });
  return {
    link,
    reffNo: answer.body.data.reff_no as string,
    qr: answer.body.data.qr_string as string,
  };
}

/**
 * The payload with one top-level tag replaced and the CRC computed again by an independent
 * encoder: what a forger who knows EMVCo would send.
 */
function reencode(qr: string, id: string, value: string): string {
  const tags = decode(qr)
    .filter((t) => t.id !== '63')
    .map((t) => (t.id === id ? tag(id, value) : t));
  return withCrcTag(encode(tags), '63', true);
}

// SPEC §8: exactly the text a phone would scan; a bad CRC or malformed payload is 422, an
// unknown reference 404; 409 when no longer payable.
describe('POST /sandbox/api/qris-payments', () => {
  it('200: pays the scanned payload', async () => {
    const { link, reffNo, qr } = await qrisPayment();
    const answer = await payQris(t, qr);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ reff_no: reffNo, status: 'paid', amount: 25_000 });
    expect((await paymentRow(t, reffNo)).status).toBe('paid');
    expect((await linkRow(t, link.id)).currentUsage).toBe(1);
  });

  it('takes the text with the line break a scanner adds', async () => {
    const { qr } = await qrisPayment();
    expect((await payQris(t, `${qr}\r\n`)).status).toBe(200);
  });

  it.each([
    ['a CRC of zeros', (qr: string) => `${qr.slice(0, -4)}0000`],
    ['one flipped payload character', (qr: string) => qr.replace('5802ID', '5802IE')],
    ['the amount changed, CRC kept', (qr: string) => qr.replace('540525000', '540515000')],
    ['a cut-off payload', (qr: string) => qr.slice(0, 40)],
    ['a wrong length field', (qr: string) => qr.replace('5802ID', '5803ID')],
    ['no CRC tag', (qr: string) => qr.slice(0, -8)],
    ['plain text', () => 'Bayar ke Toko Uji Rp 25.000'],
    ['a URL', () => 'https://pay.example.test/b2b/PL123'],
    ['digits only', () => '0'.repeat(64)],
    ['an empty string', () => ''],
    ['600 characters', (qr: string) => qr.padEnd(600, '0')],
  ])('422 for %s, and the payment stays pending', async (_, mangle) => {
    const { reffNo, qr } = await qrisPayment();
    const answer = await payQris(t, mangle(qr));
    expectFailure(answer, 422, 'VALIDATION_FAILED');
    expect(Object.keys(answer.body.errors)).toEqual(['qr_string']);
    expect((await paymentRow(t, reffNo)).status).toBe('pending');
  });

  it.each([
    ['no qr_string', {}],
    ['qr_string as a number', { qr_string: 12345 }],
    ['qr_string as null', { qr_string: null }],
  ])('422 for %s', async (_, body) => {
    const response = await t.app.request('/sandbox/api/qris-payments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(422);
  });

  it('404 for a valid QRIS with a reference we never issued', async () => {
    const forged = buildDynamicQris({
      merchant: SANDBOX_QRIS_MERCHANT,
      merchantName: 'Toko Uji',
      amount: 25_000,
      reference: 'PYMADEUP00000000000',
    });
    expectFailure(await payQris(t, forged), 404, 'PAYMENT_NOT_FOUND');
  });

  it('404 for the reference of a VA payment', async () => {
    const link = await createLinkOk(t, merchant, { total_amount: 25_000 });
    const va = (await startPayment(t, publicIdOf(link), { method: 'VA_BRI' })).body.data;
    const forged = buildDynamicQris({
      merchant: SANDBOX_QRIS_MERCHANT,
      merchantName: 'Toko Uji',
      amount: 25_000,
      reference: va.reff_no,
    });
    expectFailure(await payQris(t, forged), 404, 'PAYMENT_NOT_FOUND');
  });

  // Decided from the code: the sandbox pays only a payload it issued, byte for byte. A QR
  // whose amount was changed and CRC recomputed is a well-formed QRIS we never issued, so it
  // is 404 (no such QR), not 422 (wrong amount); the real payment stays payable.
  it('404 for a payload whose amount was changed and CRC recomputed', async () => {
    const { reffNo, qr } = await qrisPayment();
    for (const amount of ['1000', '24999', '25001']) {
      const forged = reencode(qr, '54', amount);
      expect(forged).not.toBe(qr);
      expectFailure(await payQris(t, forged), 404, 'PAYMENT_NOT_FOUND');
    }
    expect((await paymentRow(t, reffNo)).status).toBe('pending');
    expect((await payQris(t, qr)).status).toBe(200);
  });

  it('404 for a cheap payment’s payload pointed at a dear payment’s reference', async () => {
    const cheap = await qrisPayment(1_000);
    const dear = await qrisPayment(25_000);
    const forged = reencode(cheap.qr, '62', encode([tag('05', dear.reffNo)]));
    expect(decode(forged).find((o) => o.id === '54')?.value).toBe('1000');
    expectFailure(await payQris(t, forged), 404, 'PAYMENT_NOT_FOUND');
    expect((await paymentRow(t, dear.reffNo)).status).toBe('pending');
  });

  it('409 when already paid: the use is counted once', async () => {
    const { link, qr } = await qrisPayment();
    expect((await payQris(t, qr)).status).toBe(200);
    expectFailure(await payQris(t, qr), 409, 'NOT_PAYABLE');
    expect((await linkRow(t, link.id)).currentUsage).toBe(1);
  });

  it('409 after its 30 minutes, and the payment is recorded expired', async () => {
    const { reffNo, qr } = await qrisPayment();
    t.clock.advance(30 * 60_000);
    expectFailure(await payQris(t, qr), 409, 'NOT_PAYABLE');
    expect((await paymentRow(t, reffNo)).status).toBe('expired');
  });
});
