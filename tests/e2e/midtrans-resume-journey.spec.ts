import { payWith, readVaNumber, waitForPaymentView } from './support/customer.ts';
import { emulatorOrder, expectOrderStatus, payAtEmulator } from './support/emulator.ts';
import { expect, test } from './support/fixtures.ts';
import { createLink, linkPath, listPayments } from './support/paylink.ts';

// SPEC §7 and §10: reloading or reopening shows the same gateway payment; choosing another
// method cancels the first at the gateway, so it refuses money, and the second one pays.

test('reload and reopen show the same Midtrans VA; another method cancels it at the gateway', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Tas kanvas', total_amount: 75000 });
  await page.goto(linkPath(link));
  await payWith(page, 'BNI', 'Rp 75.000');
  const first = await waitForPaymentView(page);
  const vaNumber = await readVaNumber(page);

  await page.reload();
  expect(await waitForPaymentView(page)).toBe(first);
  expect(await readVaNumber(page)).toBe(vaNumber);
  // Gone to another site and back through the link: the pending payment comes first.
  await page.goto('about:blank');
  await page.goto(linkPath(link));
  expect(await waitForPaymentView(page)).toBe(first);
  expect(await readVaNumber(page)).toBe(vaNumber);
  await expect(page.getByText('Bayar sebelum')).toBeVisible();
  // Still one order at the gateway, still waiting for this number.
  expect(await emulatorOrder(first)).toMatchObject({
    status: 'pending',
    instrument: { bank: 'bni', vaNumber },
  });

  await page.getByRole('button', { name: 'Pilih metode lain' }).click();
  await expect(page).toHaveURL(linkPath(link));
  // The given-up number is closed at Midtrans: a transfer to it would be refused.
  await expectOrderStatus(first, 'cancel');

  await payWith(page, 'Mandiri', 'Rp 75.000');
  const second = await waitForPaymentView(page);
  expect(second).not.toBe(first);
  expect((await emulatorOrder(second)).status).toBe('pending');
  await payAtEmulator(second);
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible({
    timeout: 5_000,
  });
  const payments = await listPayments(request, merchant, link);
  expect(payments.map((payment) => [payment.reff_no, payment.status])).toEqual([
    [second, 'paid'],
    [first, 'cancelled'],
  ]);
});

test('when another customer pays the link, this customer’s Midtrans VA is cancelled there too', async ({
  page,
  browser,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Kamar hotel', total_amount: 300000 });
  await page.goto(linkPath(link));
  await payWith(page, 'CIMB Niaga', 'Rp 300.000');
  const mine = await waitForPaymentView(page);

  const other = await browser.newContext({ locale: 'id-ID' });
  try {
    const otherPage = await other.newPage();
    await otherPage.goto(linkPath(link));
    await payWith(otherPage, 'QRIS', 'Rp 300.000');
    const theirs = await waitForPaymentView(otherPage);
    await payAtEmulator(theirs);
    await expect(otherPage.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible({
      timeout: 5_000,
    });
  } finally {
    await other.close();
  }
  // The link is used up: this page stops asking for money, and Midtrans refuses it.
  await expect(page.getByRole('heading', { name: 'Pembayaran ini dibatalkan' })).toBeVisible({
    timeout: 5_000,
  });
  await expect(
    page.getByText('Tautan ini sudah mencapai batas jumlah pembayarannya.'),
  ).toBeVisible();
  await expect(page.locator('#va-number')).toHaveCount(0);
  await expectOrderStatus(mine, 'cancel');
});
