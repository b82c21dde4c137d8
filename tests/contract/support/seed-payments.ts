import { payVa, publicIdOf, settle, startPayment } from '../../support/checkout-api.ts';
import { createLinkOk, refreshToken } from '../../support/link-api.ts';
import type { Merchant } from '../../support/merchant.ts';
import type { TestPaylink } from '../../support/test-paylink.ts';

export type SeededPayments = {
  /** Rp 60.000 by VA BRI, paid and settled. */
  settled: any;
  /** Rp 20.000 by VA BCA, paid. */
  paid: any;
  /** Rp 20.000 by VA BRI, not paid yet. */
  pending: any;
};

async function start(t: TestPaylink, link: any, method: string): Promise<any> {
  const started = await startPayment(t, publicIdOf(link), { method });
  if (started.status !== 201) throw new Error(`payment: ${started.status}`);
  return started.body.data;
}

async function pay(t: TestPaylink, payment: any, bank: string, amount: number): Promise<void> {
  const paid = await payVa(t, { bank, va_number: payment.payment_method_value, amount });
  if (paid.status !== 200) throw new Error(`pay: ${paid.status}`);
}

/** Three payments a histories query can tell apart by status, settlement, method and amount. */
export async function seedPayments(t: TestPaylink, merchant: Merchant): Promise<SeededPayments> {
  await refreshToken(t, merchant);
  const large = await createLinkOk(t, merchant, { total_amount: 60_000, max_usage: 5 });
  const small = await createLinkOk(t, merchant, { total_amount: 20_000, max_usage: 5 });
  const settled = await start(t, large, 'VA_BRI');
  await pay(t, settled, 'BRI', 60_000);
  if ((await settle(t, settled.reff_no)).status !== 200) throw new Error('settle');
  const paid = await start(t, small, 'VA_BCA');
  await pay(t, paid, 'BCA', 20_000);
  const pending = await start(t, small, 'VA_BRI');
  return { settled, paid, pending };
}

/** The references of a list answer, in order. */
export const reffNos = (rows: { reff_no: string }[]) => rows.map((row) => row.reff_no);
