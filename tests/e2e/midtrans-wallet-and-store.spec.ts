import { devices } from '@playwright/test';
import { payWith, waitForPaymentView } from './support/customer.ts';
import {
  customerCodeOf,
  E2E_EMULATOR_URL,
  emulatorOrder,
  payAtEmulator,
  payInWalletApp,
} from './support/emulator.ts';
import { expect, test } from './support/fixtures.ts';
import { createLink, linkPath } from './support/paylink.ts';

// SPEC §10: e-wallets open their app by the gateway's deep link on a phone and show its QR on
// a wide screen; a convenience store takes a payment code at the cashier.

test('on a phone, GoPay opens its app; after paying there the customer is back on the receipt', async ({
  page,
  request,
  merchant,
  browserGuard,
}) => {
  // The wallet app (the emulator's stand-in for it) is the one other place the phone goes.
  browserGuard.allowOrigin(E2E_EMULATOR_URL);
  const link = await createLink(request, merchant, { title: 'Kopi susu', total_amount: 25000 });
  await page.goto(linkPath(link));
  const wallets = page.getByRole('group', { name: 'E-wallet' });
  await expect(wallets.getByRole('radio')).toHaveCount(2);
  await payWith(page, 'GoPay', 'Rp 25.000');
  const paymentReff = await waitForPaymentView(page);
  await expect(page.getByRole('heading', { name: 'Bayar dengan GoPay' })).toBeVisible();

  const order = await emulatorOrder(paymentReff);
  expect(order).toMatchObject({ status: 'pending', grossAmount: 25000 });
  expect(order.instrument).toMatchObject({ paymentType: 'gopay' });
  // A phone gets the button, not a QR it could not scan with itself.
  const openApp = page.getByRole('link', { name: 'Buka GoPay' });
  await expect(openApp).toBeVisible();
  await expect(page.getByRole('img', { name: /^Kode QR GoPay/ })).toBeHidden();

  await openApp.click();
  await payInWalletApp(page);
  // The app sends the browser back to the payment's own page, which now shows the receipt.
  await expect(page).toHaveURL(new RegExp(`/payments/${paymentReff}`));
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible({
    timeout: 5_000,
  });
  await expect(page.getByRole('definition').filter({ hasText: 'GoPay' })).toBeVisible();
  expect((await emulatorOrder(paymentReff)).status).toBe('settlement');
});

test('on a wide screen, GoPay shows its QR, served from our origin; scanning it pays', async ({
  browser,
  baseURL,
  request,
  merchant,
}) => {
  const context = await browser.newContext({
    ...devices['Desktop Chrome'],
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (sent) => requested.push(sent.url()));
  const origin = new URL(baseURL ?? '').origin;
  const link = await createLink(request, merchant, { title: 'Teh tarik', total_amount: 18000 });
  await page.goto(`${origin}${linkPath(link)}`);
  await payWith(page, 'GoPay', 'Rp 18.000');
  const paymentReff = await waitForPaymentView(page);

  const qr = page.getByRole('img', {
    name: `Kode QR GoPay untuk membayar Rp 18.000 ke ${merchant.name}`,
  });
  await expect(qr).toBeVisible();
  await expect(page.getByRole('link', { name: 'Buka GoPay' })).toBeHidden();
  // The image is the gateway's, fetched by the server: it loads, and from our own origin.
  await expect
    .poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  expect(await qr.getAttribute('src')).toBe(`${linkPath(link)}/payments/${paymentReff}/qr.png`);
  expect(requested.filter((url) => !url.startsWith(origin))).toEqual([]);

  await payAtEmulator(paymentReff, 'qr');
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible({
    timeout: 5_000,
  });
  await context.close();
});

test('Alfamart: the code the cashier takes, copyable, with the cashier’s steps; paid at the store', async ({
  page,
  context,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Buku tulis', total_amount: 42000 });
  await page.goto(linkPath(link));
  await expect(page.getByRole('group', { name: 'Gerai retail' }).getByRole('radio')).toHaveCount(2);
  await payWith(page, 'Alfamart', 'Rp 42.000');
  const paymentReff = await waitForPaymentView(page);
  await expect(page.getByRole('heading', { name: 'Bayar di kasir Alfamart' })).toBeVisible();

  const order = await emulatorOrder(paymentReff);
  expect(order.instrument).toMatchObject({ paymentType: 'cstore', store: 'alfamart' });
  const code = customerCodeOf(order.instrument);
  const codeGroup = page.getByRole('group', { name: 'Kode pembayaran' });
  expect((await page.locator('#store-code').innerText()).replace(/\s/g, '')).toBe(code);
  await expect(page.getByRole('group', { name: 'Jumlah yang harus dibayar' })).toContainText(
    'Rp 42.000',
  );
  const how = page.getByRole('region', { name: 'Cara membayar' });
  await expect(how).toContainText('kasir');
  await expect(how).toContainText(code!.replace(/(\d{4})(?=\d)/g, '$1 '));

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await codeGroup.getByRole('button', { name: 'Salin kode pembayaran' }).click();
  await expect(codeGroup.getByRole('status')).toHaveText('Kode pembayaran sudah disalin.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

  await payAtEmulator(paymentReff);
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible({
    timeout: 5_000,
  });
  await expect(page.getByRole('definition').filter({ hasText: 'Alfamart' })).toBeVisible();
});

test('ShopeePay on a phone and Indomaret in English: each shows its own way to pay', async ({
  page,
  request,
  merchant,
  browserGuard,
}) => {
  browserGuard.allowOrigin(E2E_EMULATOR_URL);
  const wallet = await createLink(request, merchant, { title: 'Pulsa', total_amount: 20000 });
  await page.goto(linkPath(wallet));
  await payWith(page, 'ShopeePay', 'Rp 20.000');
  const walletReff = await waitForPaymentView(page);
  await expect(page.getByRole('link', { name: 'Buka ShopeePay' })).toBeVisible();
  await page.getByRole('link', { name: 'Buka ShopeePay' }).click();
  await payInWalletApp(page);
  await expect(page).toHaveURL(new RegExp(`/payments/${walletReff}`));
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible({
    timeout: 5_000,
  });

  const store = await createLink(request, merchant, { title: 'Snacks', total_amount: 30000 });
  await page.goto(`${linkPath(store)}?lang=en`);
  await payWith(page, 'Indomaret', 'Rp 30.000', 'en');
  const storeReff = await waitForPaymentView(page);
  await expect(page.getByRole('heading', { name: 'Pay at the Indomaret cashier' })).toBeVisible();
  const order = await emulatorOrder(storeReff);
  expect(order.instrument).toMatchObject({ paymentType: 'cstore', store: 'indomaret' });
  expect((await page.locator('#store-code').innerText()).replace(/\s/g, '')).toBe(
    customerCodeOf(order.instrument),
  );
});
