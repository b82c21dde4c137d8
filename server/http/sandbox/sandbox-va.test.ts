import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { payVa, postForm, publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
import { linkRow, paymentRow } from '../../../tests/support/checkout-db.ts';
import {
  createLinkOk,
  DAY_MS,
  expectFailure,
  expectInvalid,
  START,
} from '../../../tests/support/link-api.ts';
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

/** A pending BRI VA payment of Rp 20.000 on a fresh link. */
async function briPayment(body: object = {}) {
  const link = await createLinkOk(t, merchant, { total_amount: 20_000, max_usage: 5, ...body });
  const publicId = publicIdOf(link);
  const payment = (await startPayment(t, publicId, { method: 'VA_BRI' })).body.data;
  return {
    link,
    publicId,
    reffNo: payment.reff_no as string,
    va: payment.payment_method_value as string,
  };
}

// SPEC §8: the sandbox bank. 200 paid; 404 no such VA; 409 no longer payable; 422 wrong amount
// or malformed input.
describe('POST /sandbox/api/va-payments', () => {
  it('200: pays the exact amount, marks the payment paid and counts the use', async () => {
    const { link, reffNo, va } = await briPayment();
    t.clock.advance(5 * 60_000);
    const answer = await payVa(t, { bank: 'BRI', va_number: va, amount: 20_000 });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      status: 200,
      success: true,
      data: { reff_no: reffNo, status: 'paid', amount: 20_000 },
    });
    const row = await paymentRow(t, reffNo);
    expect(row.status).toBe('paid');
    expect(row.paidAt).toEqual(new Date(START.getTime() + 5 * 60_000));
    expect(await linkRow(t, link.id)).toMatchObject({
      currentUsage: 1,
      status: 'open',
      paymentDate: new Date(START.getTime() + 5 * 60_000),
    });
  });

  it.each(['BRI', 'bri', 'VA_BRI', 'va_bri', ' Bri '])('takes the bank as %j', async (bank) => {
    const { va } = await briPayment();
    expect((await payVa(t, { bank, va_number: va, amount: 20_000 })).status).toBe(200);
  });

  it('takes the number as the page groups it, with spaces or dashes', async () => {
    const first = await briPayment();
    const spaced = first.va.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect((await payVa(t, { bank: 'BRI', va_number: spaced, amount: 20_000 })).status).toBe(200);
    const second = await briPayment();
    const dashed = second.va.replace(/(\d{4})(?=\d)/g, '$1-');
    expect((await payVa(t, { bank: 'BRI', va_number: dashed, amount: 20_000 })).status).toBe(200);
  });

  it('404 for an unknown number, a wrong bank or an unknown bank', async () => {
    const { reffNo, va } = await briPayment();
    const unknown = `26215${'0'.repeat(10)}`;
    expectFailure(
      await payVa(t, { bank: 'BRI', va_number: unknown, amount: 20_000 }),
      404,
      'PAYMENT_NOT_FOUND',
    );
    expectFailure(
      await payVa(t, { bank: 'BNI', va_number: va, amount: 20_000 }),
      404,
      'PAYMENT_NOT_FOUND',
    );
    expectFailure(
      await payVa(t, { bank: 'VA_BCA', va_number: va, amount: 20_000 }),
      404,
      'PAYMENT_NOT_FOUND',
    );
    expectFailure(
      await payVa(t, { bank: 'XYZ', va_number: va, amount: 20_000 }),
      404,
      'PAYMENT_NOT_FOUND',
    );
    expect((await paymentRow(t, reffNo)).status).toBe('pending');
  });

  it('409 when already paid: a duplicate notice counts no second use', async () => {
    const { link, va } = await briPayment();
    expect((await payVa(t, { bank: 'BRI', va_number: va, amount: 20_000 })).status).toBe(200);
    expectFailure(
      await payVa(t, { bank: 'BRI', va_number: va, amount: 20_000 }),
      409,
      'NOT_PAYABLE',
    );
    // Even with a wrong amount: it is no longer payable at all.
    expectFailure(await payVa(t, { bank: 'BRI', va_number: va, amount: 1 }), 409, 'NOT_PAYABLE');
    expect((await linkRow(t, link.id)).currentUsage).toBe(1);
  });

  it('409 once 24 hours have passed, and the payment is recorded expired', async () => {
    const { link, reffNo, va } = await briPayment();
    t.clock.advance(DAY_MS - 1);
    expect((await paymentRow(t, reffNo)).status).toBe('pending');
    t.clock.advance(1);
    expectFailure(
      await payVa(t, { bank: 'BRI', va_number: va, amount: 20_000 }),
      409,
      'NOT_PAYABLE',
    );
    const row = await paymentRow(t, reffNo);
    expect(row.status).toBe('expired');
    expect(row.endedAt).toEqual(new Date(START.getTime() + DAY_MS));
    expect((await linkRow(t, link.id)).currentUsage).toBe(0);
  });

  it('409 for a cancelled payment', async () => {
    const { publicId, reffNo, va } = await briPayment();
    expect((await postForm(t, `/b2b/${publicId}/payments/${reffNo}/cancel`, {})).status).toBe(303);
    expectFailure(
      await payVa(t, { bank: 'BRI', va_number: va, amount: 20_000 }),
      409,
      'NOT_PAYABLE',
    );
  });

  it('422 for a wrong amount, which leaves the payment payable', async () => {
    const { reffNo, va } = await briPayment();
    for (const amount of [19_999, 20_001, 200_000, 1]) {
      expectFailure(await payVa(t, { bank: 'BRI', va_number: va, amount }), 422, 'WRONG_AMOUNT');
    }
    expect((await paymentRow(t, reffNo)).status).toBe('pending');
    expect((await payVa(t, { bank: 'BRI', va_number: va, amount: 20_000 })).status).toBe(200);
  });

  it.each([
    ['no bank', { va_number: '262150000000000', amount: 20_000 }, 'bank'],
    ['an empty bank', { bank: '', va_number: '262150000000000', amount: 20_000 }, 'bank'],
    ['a bank as a number', { bank: 2, va_number: '262150000000000', amount: 20_000 }, 'bank'],
    ['no number', { bank: 'BRI', amount: 20_000 }, 'va_number'],
    [
      'a number with letters',
      { bank: 'BRI', va_number: '26215ABCDE', amount: 20_000 },
      'va_number',
    ],
    [
      'a number as a number',
      { bank: 'BRI', va_number: 262150000000000, amount: 20_000 },
      'va_number',
    ],
    ['no amount', { bank: 'BRI', va_number: '262150000000000' }, 'amount'],
    [
      'an amount as a string',
      { bank: 'BRI', va_number: '262150000000000', amount: '20000' },
      'amount',
    ],
    ['a negative amount', { bank: 'BRI', va_number: '262150000000000', amount: -20_000 }, 'amount'],
    ['a zero amount', { bank: 'BRI', va_number: '262150000000000', amount: 0 }, 'amount'],
    [
      'a fractional amount',
      { bank: 'BRI', va_number: '262150000000000', amount: 20_000.5 },
      'amount',
    ],
  ])('422 naming the field for %s', async (_, body, field) => {
    const response = await t.app.request('/sandbox/api/va-payments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expectInvalid({ status: response.status, body: await response.json() }, field);
  });
});
