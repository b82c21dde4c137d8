import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
import { paymentRow } from '../../../tests/support/checkout-db.ts';
import { readAnswer, requestFrom } from '../../../tests/support/from-address.ts';
import { createLinkOk, refreshToken } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

// SPEC §9: sandbox writes, 60 a minute per client address (RATE_LIMITS unset).
let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink({ env: { RATE_LIMITS: '' } });
  merchant = await createMerchant(t);
});
afterAll(() => t.close());
beforeEach(async () => {
  t.clock.advance(60_000);
  await refreshToken(t, merchant);
});

/** A pending BRI VA payment of Rp 20.000, started in-process (not from the tested address). */
async function pendingVa() {
  const link = await createLinkOk(t, merchant, { total_amount: 20_000 });
  const payment = (await startPayment(t, publicIdOf(link), { method: 'VA_BRI' })).body.data;
  return { reffNo: payment.reff_no as string, va: payment.payment_method_value as string };
}

function payVa(address: string, body: object) {
  return requestFrom(t, address, '/sandbox/api/va-payments', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('sandbox writes per client address', () => {
  it('the 61st in a minute is 429 in the envelope, and pays nothing', async () => {
    const { reffNo, va } = await pendingVa();
    for (let i = 1; i <= 60; i++) {
      const answer = await payVa('192.0.2.60', { bank: 'BRI', va_number: '8888800000', amount: i });
      expect(answer.status).toBe(404);
    }
    const refused = await readAnswer(
      await payVa('192.0.2.60', { bank: 'BRI', va_number: va, amount: 20_000 }),
    );
    expect(refused).toEqual({
      status: 429,
      retryAfter: '60',
      body: {
        status: 429,
        success: false,
        error: {
          code: 429,
          message: 'Too many requests: try again in 60 seconds.',
          reason: 'TOO_MANY_REQUESTS',
        },
      },
    });
    expect((await paymentRow(t, reffNo)).status).toBe('pending');
    // The bank simulator's form and the page's button are sandbox writes too.
    const form = await requestFrom(t, '192.0.2.60', '/sandbox/pay', { method: 'POST' });
    expect(form.status).toBe(429);
    const button = await requestFrom(t, '192.0.2.60', `/sandbox/simulate/${reffNo}`, {
      method: 'POST',
    });
    expect(button.status).toBe(429);
    expect((await paymentRow(t, reffNo)).status).toBe('pending');
  });

  it('leaves other addresses alone, and opens again after the minute', async () => {
    const { reffNo, va } = await pendingVa();
    for (let i = 1; i <= 60; i++)
      await payVa('192.0.2.61', { bank: 'BRI', va_number: '1', amount: 1 });
    expect((await payVa('192.0.2.61', { bank: 'BRI', va_number: '1', amount: 1 })).status).toBe(
      429,
    );
    t.clock.advance(60_000);
    const paid = await payVa('192.0.2.61', { bank: 'BRI', va_number: va, amount: 20_000 });
    expect(paid.status).toBe(200);
    expect((await paymentRow(t, reffNo)).status).toBe('paid');
    expect((await payVa('192.0.2.62', { bank: 'BRI', va_number: '1', amount: 1 })).status).toBe(
      422,
    );
  });
});
