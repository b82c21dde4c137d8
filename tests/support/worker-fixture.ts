import { expect } from 'vitest';
import { payVa, publicIdOf, startPayment } from './checkout-api.ts';
import { createLinkOk, refreshToken } from './link-api.ts';
import { callApi, type Merchant } from './merchant.ts';
import type { TestPaylink } from './test-paylink.ts';

/** The amount the worker tests charge: `"50000.00"` in callbacks, `Rp 50.000` in mails. */
export const AMOUNT = 50_000;

/** A v1 link of Rp 50.000 (fields replaced by `linkBody`) and a pending VA BRI payment of it. */
export async function pendingVaPayment(
  t: TestPaylink,
  merchant: Merchant,
  linkBody: object = {},
  customer?: { name?: string; email?: string; phone?: string },
): Promise<{ link: any; payment: any }> {
  const link = await createLinkOk(t, merchant, { total_amount: AMOUNT, ...linkBody });
  const started = await startPayment(t, publicIdOf(link), {
    method: 'VA_BRI',
    ...(customer ? { customer } : {}),
  });
  if (started.status !== 201)
    throw new Error(`payment: ${started.status} ${JSON.stringify(started.body)}`);
  return { link, payment: started.body.data };
}

/** As pendingVaPayment, then the sandbox bank pays the VA in full. */
export async function paidVaPayment(
  t: TestPaylink,
  merchant: Merchant,
  linkBody: object = {},
  customer?: { name?: string; email?: string; phone?: string },
): Promise<{ link: any; payment: any }> {
  const { link, payment } = await pendingVaPayment(t, merchant, linkBody, customer);
  const paid = await payVa(t, {
    bank: 'BRI',
    va_number: payment.payment_method_value,
    amount: AMOUNT,
  });
  expect(paid.status).toBe(200);
  return { link, payment };
}

/** GET /api/v1.0/webhook-deliveries as the merchant (a fresh token: the clock may have moved). */
export async function listDeliveries(
  t: TestPaylink,
  merchant: Merchant,
  linkId?: number,
): Promise<any[]> {
  await refreshToken(t, merchant);
  const query = linkId === undefined ? '?per_page=100' : `?per_page=100&payment_link_id=${linkId}`;
  const answer = await callApi(
    t,
    merchant,
    'GET',
    `/api/v1.0/webhook-deliveries/${merchant.accountId}${query}`,
  );
  expect(answer.status).toBe(200);
  return answer.body.data;
}

/** The one listed delivery of this event; fails when there is not exactly one. */
export async function deliveryOf(t: TestPaylink, merchant: Merchant, event: string): Promise<any> {
  const found = (await listDeliveries(t, merchant)).filter((row) => row.event === event);
  expect(found).toHaveLength(1);
  return found[0];
}
