import type { APIRequestContext } from '@playwright/test';
import { VA_BANKS } from '../../../server/domain/payment-method/va/va-banks.ts';
import {
  createLink,
  type E2eMerchant,
  linkPath,
  patchLink,
  payVaInSandbox,
  startPaymentByApi,
} from './paylink.ts';

/** The bank whose VA numbers are longest: the one most likely to overflow a narrow screen. */
export const LONGEST_VA_BANK =
  [...VA_BANKS].sort(
    (a, b) => b.prefix.length + b.customerDigits - (a.prefix.length + a.customerDigits),
  )[0] ?? VA_BANKS[0];

/** A long order, as merchants write them: a reference in the title, a chatty description. */
export const LONG_ORDER = {
  title: 'Pesanan #INV-2026-0142',
  description:
    'Kue untuk acara Sabtu, diantar jam 10 pagi ke alamat yang sudah dikirim lewat chat. ' +
    'Mohon dibayar paling lambat Jumat supaya bisa kami siapkan tepat waktu.',
  items: [
    { name: 'Kue lapis legit (loyang 20 cm)', quantity: 2, unit_price: 85_000 },
    { name: 'Nastar keju (toples 500 g)', quantity: 1, unit_price: 17_300 },
    { name: 'Kastengel premium (toples 250 g)', quantity: 1, unit_price: 5_000 },
    { name: 'Ongkos kirim', quantity: 1, unit_price: 5_000 },
    { name: 'Diskon pelanggan', quantity: 1, unit_price: -20_000 },
  ],
  required_customer_detail: true,
  expired_at: Date.now() + 3 * 24 * 60 * 60 * 1000,
};
export const LONG_ORDER_TOTAL = 'Rp 177.300';

export type StatePaths = Record<
  | 'link'
  | 'va'
  | 'qris'
  | 'receipt'
  | 'expired'
  | 'closed'
  | 'notFound'
  | 'sandbox'
  | 'apiReference',
  string
>;

/** Creates, through the API, a link in every state a customer can meet; answers their paths. */
export async function createEveryState(
  request: APIRequestContext,
  merchant: E2eMerchant,
): Promise<StatePaths> {
  const order = await createLink(request, merchant, LONG_ORDER);
  const shop = await createLink(request, merchant, {
    title: 'Es teh manis',
    total_amount: 177_300,
    max_usage: 100,
  });
  const payment = (method: string) =>
    startPaymentByApi(request, shop, method).then(
      (started) => `${linkPath(shop)}/payments/${started.reff_no}`,
    );
  const paid = await createLink(request, merchant, { title: 'Jaket hujan', total_amount: 250_000 });
  const transfer = await startPaymentByApi(request, paid, 'VA_BNI');
  await payVaInSandbox(request, {
    bank: 'BNI',
    va_number: transfer.payment_method_value,
    amount: 250_000,
  });
  const closed = await createLink(request, merchant, { title: 'Workshop', total_amount: 75_000 });
  await patchLink(request, merchant, closed, { status: 'closed' });
  const expired = await createLink(request, merchant, {
    title: 'Promo kilat',
    total_amount: 30_000,
    expired_at: Date.now() + 1_000,
  });
  const paths = {
    link: linkPath(order),
    va: await payment(LONGEST_VA_BANK?.code ?? 'VA_BCA'),
    qris: await payment('QRIS'),
    receipt: `${linkPath(paid)}/payments/${transfer.reff_no}`,
    closed: linkPath(closed),
    expired: linkPath(expired),
    notFound: `/b2b/PL20260101000000${'0'.repeat(32)}`,
    sandbox: '/sandbox',
    apiReference: '/docs/api',
  };
  // The short-lived link has expired by now, or will have in a moment.
  for (let tries = 0; tries < 50; tries += 1) {
    const status = await request.get(`${paths.expired}/status`);
    if ((await status.json()).link_status === 'expired') return paths;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the short-lived link did not expire');
}
