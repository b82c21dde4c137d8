import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countPayments } from '../../tests/support/checkout-db.ts';
import { payVa, publicIdOf, startPayment } from '../../tests/support/checkout-api.ts';
import { createLinkOk, expectFailure, HOUR_MS, START } from '../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';
import { createV2Ok, updateV2 } from '../../tests/support/v2-api.ts';
import { createCheckoutReader } from './checkout-reader.ts';
import type { CheckoutReader, ReturnToMerchant } from './checkout-types.ts';

let t: TestPaylink;
let merchant: Merchant;
let reader: CheckoutReader;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
  reader = createCheckoutReader(t.deps);
});
afterEach(() => t.clock.set(START));
afterAll(() => t.close());

const SUCCESS = 'https://shop.example/thanks?order=A-17';
const EXPIRED = 'https://shop.example/too-late';
const FALLBACK = 'https://shop.example/back';

/** The merchant URL without the query Paylink adds (SPEC §7). */
const target = (back: ReturnToMerchant | null | undefined) => {
  if (!back) return null;
  const url = new URL(back.url);
  for (const added of ['reff_no', 'status', 'payment_id']) url.searchParams.delete(added);
  return url.toString();
};

/** Starts a VA payment and pays it in full; answers its reff_no. */
async function payOnce(publicId: string): Promise<string> {
  const payment = (await startPayment(t, publicId, { method: 'VA_BRI' })).body.data;
  const paid = await payVa(t, {
    bank: 'BRI',
    va_number: payment.payment_method_value,
    amount: 20_000,
  });
  expect(paid.status).toBe(200);
  return payment.reff_no;
}

// SPEC §3.5: success_redirect_url after paying, expired_redirect_url after expiry, each
// falling back to redirect_url; the page (LinkView, PaymentView, PaymentEnded) renders these.
describe('the way back to the merchant', () => {
  it('paid: the link page and the payment page send the customer to success_redirect_url', async () => {
    const link = await createV2Ok(t, merchant, {
      success_redirect_url: SUCCESS,
      expired_redirect_url: EXPIRED,
    });
    const reffNo = await payOnce(publicIdOf(link));
    const page = await reader.linkPage(publicIdOf(link));
    expect(page?.state).toBe('paid');
    expect(target(page?.returnToMerchant)).toBe(SUCCESS);
    const params = new URL(page?.returnToMerchant?.url ?? '').searchParams;
    expect(Object.fromEntries(params)).toEqual({
      order: 'A-17',
      reff_no: link.reff_no,
      status: 'paid',
      payment_id: reffNo,
    });
    const view = await reader.paymentPage(publicIdOf(link), reffNo, 'id');
    expect(target(view?.returnToMerchant)).toBe(SUCCESS);
  });

  it('expired: the link page and a lapsed payment send the customer to expired_redirect_url', async () => {
    const link = await createV2Ok(t, merchant, {
      expired_at: START.getTime() + HOUR_MS,
      success_redirect_url: SUCCESS,
      expired_redirect_url: EXPIRED,
    });
    const payment = (await startPayment(t, publicIdOf(link), { method: 'VA_BNI' })).body.data;
    t.clock.advance(HOUR_MS);
    const page = await reader.linkPage(publicIdOf(link));
    expect(page?.state).toBe('expired');
    expect(target(page?.returnToMerchant)).toBe(EXPIRED);
    expect(page?.returnToMerchant?.status).toBe('expired');
    const view = await reader.paymentPage(publicIdOf(link), payment.reff_no, 'id');
    expect(target(view?.returnToMerchant)).toBe(EXPIRED);
  });

  it('redirect_url is the fallback for whichever of the two is missing', async () => {
    const link = await createLinkOk(t, merchant, {
      total_amount: 20_000,
      expired_at: START.getTime() + HOUR_MS,
      redirect_url: FALLBACK,
    });
    await updateV2(t, merchant, link.id, { expired_redirect_url: EXPIRED });
    const reffNo = await payOnce(publicIdOf(link));
    expect(target((await reader.linkPage(publicIdOf(link)))?.returnToMerchant)).toBe(FALLBACK);
    expect(
      target((await reader.paymentPage(publicIdOf(link), reffNo, 'id'))?.returnToMerchant),
    ).toBe(FALLBACK);

    const unpaid = await createLinkOk(t, merchant, {
      total_amount: 20_000,
      expired_at: START.getTime() + HOUR_MS,
      redirect_url: FALLBACK,
    });
    await updateV2(t, merchant, unpaid.id, { success_redirect_url: SUCCESS });
    t.clock.advance(HOUR_MS);
    expect(target((await reader.linkPage(publicIdOf(unpaid)))?.returnToMerchant)).toBe(FALLBACK);
  });

  it('with only success_redirect_url, an expired link sends nobody anywhere', async () => {
    const link = await createV2Ok(t, merchant, {
      expired_at: START.getTime() + HOUR_MS,
      success_redirect_url: SUCCESS,
    });
    t.clock.advance(HOUR_MS);
    expect(await reader.linkPage(publicIdOf(link))).toMatchObject({
      state: 'expired',
      returnToMerchant: null,
    });
  });
});

// SPEC §3.5: either ask makes the page ask for the customer's details (SPEC §7).
describe('required_customer_number / required_customer_email', () => {
  it.each([['required_customer_number'], ['required_customer_email']])(
    '%s: the page asks, and a payment without details is refused',
    async (ask) => {
      const link = await createV2Ok(t, merchant, { max_usage: 0, [ask]: true });
      expect((await reader.linkPage(publicIdOf(link)))?.requiresCustomer).toBe(true);
      const bare = await startPayment(t, publicIdOf(link), { method: 'QRIS' });
      expectFailure(bare, 422, 'CUSTOMER_DETAILS_REQUIRED');
      expect(await countPayments(t, link.id)).toBe(0);
      const given = await startPayment(t, publicIdOf(link), {
        method: 'QRIS',
        customer: { name: 'Budi', email: 'budi@example.com', phone: '081234567890' },
      });
      expect(given.status).toBe(201);
    },
  );

  it('without either, the page does not ask', async () => {
    const link = await createV2Ok(t, merchant, { max_usage: 0 });
    expect((await reader.linkPage(publicIdOf(link)))?.requiresCustomer).toBe(false);
  });
});
