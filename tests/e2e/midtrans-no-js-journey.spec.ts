import { payWith, readVaNumber, waitForPaymentView } from './support/customer.ts';
import { customerCodeOf, emulatorOrder, payAtEmulator } from './support/emulator.ts';
import { expect, test } from './support/fixtures.ts';
import { createLink, linkPath } from './support/paylink.ts';

// SPEC §7 and §10: without JavaScript a gateway payment still works, through form posts and
// refresh.
test.use({ javaScriptEnabled: false });

test('without JavaScript a customer gets a Midtrans BRI VA, pays it and sees the receipt', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Buku resep', total_amount: 50000 });
  await page.goto(linkPath(link));
  await payWith(page, 'BRI', 'Rp 50.000');
  const paymentReff = await waitForPaymentView(page);
  await expect(
    page.getByRole('heading', { name: 'Transfer ke Virtual Account Bank Rakyat Indonesia' }),
  ).toBeVisible();
  const vaNumber = await readVaNumber(page);
  expect(vaNumber).toBe(customerCodeOf((await emulatorOrder(paymentReff)).instrument));
  // The page refreshes itself every 15 s without script (docs/decisions/023).
  await expect(page.locator('noscript meta[http-equiv="refresh"]')).toHaveAttribute(
    'content',
    `15;url=${new URL(page.url()).pathname}?live=1`,
  );

  await payAtEmulator(paymentReff);
  // The notification has been handled once the server says so; the page learns it on refresh.
  await expect
    .poll(async () => {
      const answer = await request.get(`${linkPath(link)}/status?payment=${paymentReff}`);
      return (await answer.json()).payment?.status;
    })
    .toBe('paid');
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeHidden();
  await page.getByRole('link', { name: 'Perbarui status' }).click();
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'VA BRI' })).toBeVisible();
});
