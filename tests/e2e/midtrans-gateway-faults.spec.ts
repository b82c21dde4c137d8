import { payWith, readVaNumber, waitForPaymentView } from './support/customer.ts';
import { emulatorOrders, injectChargeFaults } from './support/emulator.ts';
import { expect, test } from './support/fixtures.ts';
import { createLink, linkPath, listPayments } from './support/paylink.ts';

// SPEC §10: gateway errors and timeouts never lose a payment: the customer sees "try again or
// choose another method", and nothing half-created stays payable.

test('a gateway that makes the order but never answers: the customer is told to try again, and that works', async ({
  page,
  request,
  merchant,
}) => {
  // An amount no other journey uses tells this link's orders apart at the emulator.
  const link = await createLink(request, merchant, { title: 'Jaket', total_amount: 61_234 });
  const ordersOfLink = async () =>
    (await emulatorOrders()).filter((order) => order.grossAmount === 61_234);
  await page.goto(linkPath(link));
  // The first call is lost on the way; the retry makes the order, and its answer never comes.
  await injectChargeFaults(['timeout-before-create', 'timeout-after-create']);
  await payWith(page, 'BCA', 'Rp 61.234');

  const summary = page.getByRole('alert');
  await expect(summary).toContainText(
    'Metode pembayaran ini belum bisa dimulai. Coba lagi atau pilih metode lain.',
    { timeout: 10_000 },
  );
  await expect(page).toHaveURL(new RegExp(`${linkPath(link)}(#errors)?$`));
  await expect(page.getByRole('radio', { name: 'BCA' })).toBeChecked();
  await expect(page.locator('#va-number')).toHaveCount(0);
  expect(await listPayments(request, merchant, link), 'no payment to show or pay').toEqual([]);
  // The order the gateway made in the dark no longer takes money.
  const [halfMade] = await ordersOfLink();
  expect(halfMade?.status).toBe('cancel');

  // The gateway is back: the same choice now starts a payment.
  await page.getByRole('button', { name: 'Bayar Rp 61.234' }).click();
  const paymentReff = await waitForPaymentView(page);
  const vaNumber = await readVaNumber(page);
  const orders = await ordersOfLink();
  expect(orders.map((order) => [order.status, order.orderId])).toEqual([
    ['cancel', halfMade?.orderId],
    ['pending', paymentReff],
  ]);
  expect(orders[1]?.instrument).toMatchObject({ vaNumber });
});

test('a gateway that answers 503: the customer can choose another method at once', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Topi', total_amount: 62_345 });
  await page.goto(linkPath(link));
  // The charge and its one retry both meet the outage.
  await injectChargeFaults(['http503', 'http503']);
  await payWith(page, 'BRI', 'Rp 62.345');
  await expect(page.getByRole('alert')).toContainText(
    'Metode pembayaran ini belum bisa dimulai. Coba lagi atau pilih metode lain.',
  );
  expect(await listPayments(request, merchant, link)).toEqual([]);

  await payWith(page, 'QRIS', 'Rp 62.345');
  await waitForPaymentView(page);
  await expect(page.getByRole('heading', { name: 'Pindai kode QRIS' })).toBeVisible();
  const orders = (await emulatorOrders()).filter((order) => order.grossAmount === 62_345);
  expect(orders.map((order) => [order.instrument.paymentType, order.status])).toEqual([
    ['qris', 'pending'],
  ]);
});
