import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payVa, publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
import { createLinkOk } from '../../../tests/support/link-api.ts';
import { callApi, createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

let t: TestPaylink;
let merchant: Merchant;
let other: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t, { callback_url: 'https://merchant.example/hook' });
  other = await createMerchant(t);
});
afterAll(() => t.close());

describe('GET /api/v1.0/payment-link-histories/{account_id}', () => {
  it('lists the payments newest first, filters them, and shows one', async () => {
    const link = await createLinkOk(t, merchant, { total_amount: 40_000, max_usage: 5 });
    const first = (await startPayment(t, publicIdOf(link), { method: 'VA_BCA' })).body.data;
    const second = (await startPayment(t, publicIdOf(link), { method: 'QRIS' })).body.data;
    await payVa(t, { bank: 'BCA', va_number: first.payment_method_value, amount: 40_000 });

    const all = await callApi(
      t,
      merchant,
      'GET',
      `/api/v1.0/payment-link-histories/${merchant.accountId}?payment_link_id=${link.id}`,
    );
    expect(all.status).toBe(200);
    expect(all.body.data.map((p: { reff_no: string }) => p.reff_no)).toEqual([
      second.reff_no,
      first.reff_no,
    ]);
    expect(all.body.pagination).toEqual({
      total: 2,
      count: 2,
      per_page: 25,
      current_page: 1,
      total_pages: 1,
    });

    const paid = await callApi(
      t,
      merchant,
      'GET',
      `/api/v1.0/payment-link-histories/${merchant.accountId}?status=paid`,
    );
    expect(paid.body.data).toHaveLength(1);
    expect(paid.body.data[0]).toMatchObject({
      reff_no: first.reff_no,
      status: 'paid',
      payment_link_reff_no: link.reff_no,
      amount: '40000.00',
    });

    const one = await callApi(
      t,
      merchant,
      'GET',
      `/api/v1.0/payment-link-histories/${merchant.accountId}/${first.id}`,
    );
    expect(one.body.data).toEqual(paid.body.data[0]);
  });

  it('keeps accounts apart and names bad filters', async () => {
    const link = await createLinkOk(t, merchant, { total_amount: 15_000 });
    const payment = (await startPayment(t, publicIdOf(link), { method: 'QRIS' })).body.data;
    expect(
      (
        await callApi(
          t,
          other,
          'GET',
          `/api/v1.0/payment-link-histories/${other.accountId}/${payment.id}`,
        )
      ).status,
    ).toBe(404);
    expect(
      (await callApi(t, other, 'GET', `/api/v1.0/payment-link-histories/${merchant.accountId}`))
        .status,
    ).toBe(403);
    const bad = await callApi(
      t,
      merchant,
      'GET',
      `/api/v1.0/payment-link-histories/${merchant.accountId}?status=done&per_page=0`,
    );
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['per_page', 'status']);
  });
});

describe('GET /api/v1.0/webhook-deliveries/{account_id}', () => {
  it('shows the paid callback queued with the payment, and its attempts', async () => {
    const link = await createLinkOk(t, merchant, { total_amount: 12_000 });
    const payment = (await startPayment(t, publicIdOf(link), { method: 'VA_BRI' })).body.data;
    await payVa(t, { bank: 'BRI', va_number: payment.payment_method_value, amount: 12_000 });
    const listed = await callApi(
      t,
      merchant,
      'GET',
      `/api/v1.0/webhook-deliveries/${merchant.accountId}?payment_link_id=${link.id}`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([
      expect.objectContaining({
        event: 'payment-link-transaction.paid',
        target: 'https://merchant.example/hook',
        attempts: 0,
        delivered_at: null,
        webhook_id: expect.stringMatching(/^msg_[0-9a-z]{26}$/),
      }),
    ]);
  });
});
