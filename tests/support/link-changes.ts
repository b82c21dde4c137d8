import { payVa, publicIdOf, startPayment } from './checkout-api.ts';
import { callApi, linksPath, type Merchant } from './merchant.ts';
import type { ApiAnswer } from './link-api.ts';
import type { TestPaylink } from './test-paylink.ts';

/** PATCH …/{payment_link_id} as this merchant (SPEC §3.4). */
export function patchLink(
  t: TestPaylink,
  merchant: Merchant,
  id: number | string,
  body: unknown,
): Promise<ApiAnswer> {
  return callApi(t, merchant, 'PATCH', `${linksPath(merchant)}/${id}`, body);
}

/** PUT …/{payment_link_id} as this merchant (SPEC §3.4). */
export function putLink(
  t: TestPaylink,
  merchant: Merchant,
  id: number | string,
  body: unknown,
): Promise<ApiAnswer> {
  return callApi(t, merchant, 'PUT', `${linksPath(merchant)}/${id}`, body);
}

/** DELETE …/{payment_link_id} as this merchant (SPEC §3.4). */
export function deleteLink(t: TestPaylink, merchant: Merchant, id: number | string) {
  return callApi(t, merchant, 'DELETE', `${linksPath(merchant)}/${id}`);
}

/** GET …/{payment_link_id}: the link object, or throws. */
export async function showLink(t: TestPaylink, merchant: Merchant, id: number): Promise<any> {
  const answer = await callApi(t, merchant, 'GET', `${linksPath(merchant)}/${id}`);
  if (answer.status !== 200) throw new Error(`show failed: ${answer.status}`);
  return answer.body.data;
}

/** Starts a payment that must succeed on the link's page; answers the payment (SPEC §7). */
export async function startOk(t: TestPaylink, link: { payment_url: string }, method: string) {
  const answer = await startPayment(t, publicIdOf(link), { method });
  if (answer.status !== 201) throw new Error(`start failed: ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

/** Pays a pending VA payment through the sandbox bank; answers the sandbox's answer. */
export function payVaPayment(
  t: TestPaylink,
  payment: { payment_method: string; payment_method_value: string; amount: string },
) {
  return payVa(t, {
    bank: payment.payment_method.replace(/^VA_/, ''),
    va_number: payment.payment_method_value,
    amount: Number(payment.amount),
  });
}

/** One paid use of the link: a VA payment started and paid through the sandbox. */
export async function payOnce(t: TestPaylink, link: { payment_url: string }, method = 'VA_BRI') {
  const payment = await startOk(t, link, method);
  const paid = await payVaPayment(t, payment);
  if (paid.status !== 200) throw new Error(`payment failed: ${JSON.stringify(paid.body)}`);
  return payment;
}
