import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  PAGE_ORIGIN,
  payVa,
  postForm,
  publicIdOf,
  settle,
  startPayment,
} from '../../../tests/support/checkout-api.ts';
import { paymentRow } from '../../../tests/support/checkout-db.ts';
import {
  createLinkOk,
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

async function pending(method: string) {
  const link = await createLinkOk(t, merchant, { total_amount: 20_000, max_usage: 3 });
  const publicId = publicIdOf(link);
  const payment = (await startPayment(t, publicId, { method })).body.data;
  return { publicId, payment };
}

async function paid() {
  const { publicId, payment } = await pending('VA_BNI');
  const va = { bank: 'BNI', va_number: payment.payment_method_value, amount: 20_000 };
  expect((await payVa(t, va)).status).toBe(200);
  return { publicId, reffNo: payment.reff_no as string };
}

// SPEC §8: settle now instead of after SETTLEMENT_DELAY; SPEC §2: paid → settled, once.
describe('POST /sandbox/api/settlements', () => {
  it('200 settles a paid payment once; again is 409', async () => {
    const { reffNo } = await paid();
    t.clock.advance(3_600_000);
    const answer = await settle(t, reffNo);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ reff_no: reffNo, status: 'settled', amount: 20_000 });
    const row = await paymentRow(t, reffNo);
    expect(row.status).toBe('settled');
    expect(row.settledAt).toEqual(new Date(START.getTime() + 3_600_000));
    t.clock.advance(60_000);
    expectFailure(await settle(t, reffNo), 409, 'NOT_SETTLEABLE');
    expect((await paymentRow(t, reffNo)).settledAt).toEqual(row.settledAt);
  });

  it('404 for an unknown reff_no', async () => {
    expectFailure(await settle(t, 'PY0000000000000000000'), 404, 'PAYMENT_NOT_FOUND');
  });

  it('409 for a pending or cancelled payment, which stays as it was', async () => {
    const open = await pending('QRIS');
    expectFailure(await settle(t, open.payment.reff_no), 409, 'NOT_SETTLEABLE');
    expect((await paymentRow(t, open.payment.reff_no)).status).toBe('pending');
    const dropped = await pending('VA_BRI');
    await postForm(t, `/b2b/${dropped.publicId}/payments/${dropped.payment.reff_no}/cancel`, {});
    expectFailure(await settle(t, dropped.payment.reff_no), 409, 'NOT_SETTLEABLE');
    expect((await paymentRow(t, dropped.payment.reff_no)).status).toBe('cancelled');
  });

  it('422 without a reff_no', async () => {
    const response = await t.app.request('/sandbox/api/settlements', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reff_no: 42 }),
    });
    expectInvalid({ status: response.status, body: await response.json() }, 'reff_no');
  });
});

// The page's "simulate payment" button in sandbox mode: a same-origin form post.
describe('POST /sandbox/simulate/{reff}', () => {
  it.each(['VA_PERMATA', 'QRIS'])(
    'pays a pending %s payment and goes back to its view',
    async (method) => {
      const { publicId, payment } = await pending(method);
      const answer = await postForm(t, `/sandbox/simulate/${payment.reff_no}`, {});
      expect(answer.status).toBe(303);
      expect(answer.location).toBe(`/b2b/${publicId}/payments/${payment.reff_no}`);
      expect((await paymentRow(t, payment.reff_no)).status).toBe('paid');
    },
  );

  it('403 from another site, which pays nothing', async () => {
    const { payment } = await pending('VA_BRI');
    const answer = await postForm(
      t,
      `/sandbox/simulate/${payment.reff_no}`,
      {},
      'https://evil.example',
    );
    expect(answer.status).toBe(403);
    expect((await paymentRow(t, payment.reff_no)).status).toBe('pending');
  });

  it('404 for an unknown payment', async () => {
    expect((await postForm(t, '/sandbox/simulate/PY0000000000000000000', {})).status).toBe(404);
  });
});

describe('with PAYMENT_PROVIDER=none', () => {
  let real: TestPaylink;
  beforeAll(async () => {
    real = await createTestPaylink({ env: { PAYMENT_PROVIDER: 'none' } });
  });
  afterAll(() => real.close());

  it('no /sandbox route exists, while checkout still works', async () => {
    const link = await createLinkOk(real, await createMerchant(real));
    const started = await startPayment(real, publicIdOf(link), { method: 'VA_BRI' });
    expect(started.status).toBe(201);
    const va = { bank: 'BRI', va_number: started.body.data.payment_method_value, amount: 20_000 };
    const calls: [string, string, unknown][] = [
      ['POST', '/sandbox/api/va-payments', va],
      ['POST', '/sandbox/api/qris-payments', { qr_string: '000201' }],
      ['POST', '/sandbox/api/settlements', { reff_no: started.body.data.reff_no }],
      ['POST', `/sandbox/simulate/${started.body.data.reff_no}`, {}],
      ['POST', '/sandbox/pay', {}],
      ['GET', '/sandbox', undefined],
      ['GET', '/sandbox/api/va-payments', undefined],
    ];
    for (const [method, path, body] of calls) {
      const response = await real.app.request(path, {
        method,
        headers: { 'content-type': 'application/json', origin: PAGE_ORIGIN },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    const row = await paymentRow(real, started.body.data.reff_no);
    expect(row.status).toBe('pending');
  });
});
