import { payWith, readVaNumber, waitForPaymentView } from './support/customer.ts';
import { expect, test } from './support/fixtures.ts';
import { createLink, linkPath, payVaInSandbox } from './support/paylink.ts';

test('a customer pays a BRI virtual account; a wrong amount is refused', async ({
  page,
  context,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Sepatu lari', total_amount: 50000 });
  await page.goto(linkPath(link));
  await expect(page.getByRole('radio', { name: 'QRIS' })).toBeVisible();
  const banks = page.getByRole('group', { name: 'Virtual Account' });
  await expect(banks.getByRole('radio')).toHaveCount(9);

  await payWith(page, 'BRI', 'Rp 50.000');
  const paymentReff = await waitForPaymentView(page);
  await expect(
    page.getByRole('heading', { name: 'Transfer ke Virtual Account Bank Rakyat Indonesia' }),
  ).toBeVisible();
  const vaGroup = page.getByRole('group', { name: 'Nomor Virtual Account' });
  const vaNumber = await readVaNumber(page);
  expect(vaNumber).toMatch(/^\d{10,20}$/);
  await expect(page.getByRole('group', { name: 'Jumlah yang harus dibayar' })).toContainText(
    'Rp 50.000',
  );

  // Copy puts the bare digits on the clipboard and says so.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await vaGroup.getByRole('button', { name: 'Salin nomor Virtual Account' }).click();
  await expect(vaGroup.getByRole('status')).toHaveText('Nomor Virtual Account sudah disalin.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(vaNumber);

  const how = page.getByRole('region', { name: 'Cara membayar' });
  const channels = how.getByRole('group');
  // ATM, mobile and internet banking at BRI, then a transfer from another bank.
  await expect(channels).toHaveCount(4);
  await expect(channels.nth(0)).toContainText('ATM BRI');
  await expect(channels.nth(1)).toContainText('BRImo');
  await expect(channels.nth(2)).toContainText('Internet Banking BRI');
  await expect(channels.nth(3)).toContainText('Transfer dari bank lain');
  // The steps carry this payment's own number, grouped as the page shows it.
  await expect(channels.nth(0)).toContainText(vaNumber.replace(/(\d{4})(?=\d)/g, '$1 '));

  const wrong = await payVaInSandbox(request, { bank: 'BRI', va_number: vaNumber, amount: 49000 });
  expect(wrong.status()).toBe(422);
  // After the refused transfer the payment is still pending, and the page still waits for it.
  const status = await request.get(`${linkPath(link)}/status?payment=${paymentReff}`);
  expect((await status.json()).payment).toEqual({ reff_no: paymentReff, status: 'pending' });
  await expect(page.getByText('Menunggu pembayaran', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeHidden();

  const right = await payVaInSandbox(request, { bank: 'BRI', va_number: vaNumber, amount: 50000 });
  expect(right.status()).toBe(200);
  expect((await right.json()).data).toMatchObject({ reff_no: paymentReff, status: 'paid' });
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible({
    timeout: 3_000,
  });
  await expect(page.getByRole('definition').filter({ hasText: 'VA BRI' })).toBeVisible();
  // No redirect_url: the customer stays on the receipt.
  await expect(page.getByRole('link', { name: /^Kembali ke/ })).toHaveCount(0);

  const again = await payVaInSandbox(request, { bank: 'BRI', va_number: vaNumber, amount: 50000 });
  expect(again.status()).toBe(409);
});

test('reloading shows the same payment; the customer can choose another method', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Tas kanvas', total_amount: 75000 });
  await page.goto(linkPath(link));
  await payWith(page, 'BCA', 'Rp 75.000');
  const first = await waitForPaymentView(page);
  const vaNumber = await readVaNumber(page);

  await page.reload();
  expect(await waitForPaymentView(page)).toBe(first);
  expect(await readVaNumber(page)).toBe(vaNumber);

  await page.getByRole('button', { name: 'Pilih metode lain' }).click();
  await expect(page).toHaveURL(linkPath(link));
  await expect(page.getByRole('heading', { level: 1, name: 'Tas kanvas' })).toBeVisible();
  // The number given up can no longer take money.
  const stale = await payVaInSandbox(request, { bank: 'BCA', va_number: vaNumber, amount: 75000 });
  expect(stale.status()).toBe(409);

  await payWith(page, 'QRIS', 'Rp 75.000');
  expect(await waitForPaymentView(page)).not.toBe(first);
  await expect(page.getByRole('heading', { name: 'Pindai kode QRIS' })).toBeVisible();
});

test('choosing another method wins over the live status that sees the cancellation', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Payung', total_amount: 40000 });
  await page.goto(linkPath(link));
  await payWith(page, 'BRI', 'Rp 40.000');
  await waitForPaymentView(page);
  // Hold the answer to the cancel post until the server says the payment is cancelled (so its
  // event stream has announced it): a slow network, where that news must not reload the page
  // over the navigation.
  const paymentPath = new URL(page.url()).pathname;
  const reffNo = paymentPath.split('/').pop() ?? '';
  await page.route('**/cancel', async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    await expect
      .poll(async () => {
        const answer = await request.get(`${linkPath(link)}/status?payment=${reffNo}`);
        return (await answer.json()).payment?.status;
      })
      .toBe('cancelled');
    await page.waitForTimeout(300);
    await route.fulfill({ response }).catch(() => null);
  });
  await page.getByRole('button', { name: 'Pilih metode lain' }).click();
  await expect(page).toHaveURL(linkPath(link));
  await expect(page.getByRole('button', { name: 'Bayar Rp 40.000' })).toBeVisible();
});
