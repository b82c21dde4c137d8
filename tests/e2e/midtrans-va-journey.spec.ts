import { payWith, readVaNumber, waitForPaymentView } from './support/customer.ts';
import { customerCodeOf, emulatorOrder, payAtEmulator } from './support/emulator.ts';
import { expect, test } from './support/fixtures.ts';
import { createLink, linkPath, listPayments } from './support/paylink.ts';
import { verifiedCallbackBody } from './support/receiver.ts';

// SPEC §10: with a gateway the page, the API and the callbacks are the same as with the sandbox;
// the VA number is the gateway's, and the gateway's notification is what marks it paid.

test('a customer pays a BCA virtual account made at Midtrans; the page and the merchant learn of it', async ({
  page,
  context,
  request,
  merchant,
  receiver,
}) => {
  const link = await createLink(request, merchant, {
    title: 'Sepatu lari',
    total_amount: 50000,
    callback_url: `${receiver.origin}/callbacks`,
  });
  await page.goto(linkPath(link));
  await payWith(page, 'BCA', 'Rp 50.000');
  const paymentReff = await waitForPaymentView(page);
  await expect(
    page.getByRole('heading', { name: 'Transfer ke Virtual Account Bank Central Asia' }),
  ).toBeVisible();

  // The number on the page is the one Midtrans issued for this payment's order.
  const order = await emulatorOrder(paymentReff);
  expect(order).toMatchObject({ status: 'pending', grossAmount: 50000 });
  expect(order.instrument).toMatchObject({ paymentType: 'bank_transfer', bank: 'bca' });
  const vaNumber = await readVaNumber(page);
  expect(customerCodeOf(order.instrument)).toBe(vaNumber);
  await expect(page.getByRole('group', { name: 'Jumlah yang harus dibayar' })).toContainText(
    'Rp 50.000',
  );
  await expect(
    page.getByRole('region', { name: 'Cara membayar' }).getByRole('group').first(),
  ).toContainText(vaNumber.replace(/(\d{4})(?=\d)/g, '$1 '));
  // Real money: no button that pretends to pay.
  await expect(page.getByRole('button', { name: 'Simulasikan pembayaran' })).toHaveCount(0);

  const vaGroup = page.getByRole('group', { name: 'Nomor Virtual Account' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await vaGroup.getByRole('button', { name: 'Salin nomor Virtual Account' }).click();
  await expect(vaGroup.getByRole('status')).toHaveText('Nomor Virtual Account sudah disalin.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(vaNumber);

  await payAtEmulator(paymentReff);
  // The notification, checked with the gateway, reaches the open page without a reload.
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible({
    timeout: 5_000,
  });
  await expect(page.getByRole('definition').filter({ hasText: 'VA BCA' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: paymentReff })).toBeVisible();

  // The merchant hears of it as with the sandbox: a signed v1.0 callback (SPEC §6).
  await expect.poll(() => receiver.callbacks.length, { timeout: 5_000 }).toBeGreaterThan(0);
  const [callback] = receiver.callbacks;
  expect(callback?.path).toBe('/callbacks');
  expect(verifiedCallbackBody(callback!, merchant.webhookSecret)).toMatchObject({
    event: 'payment-link-transaction',
    data: {
      transaction: {
        reff_no: paymentReff,
        status: 'paid',
        amount: { value: '50000.00', currency: 'IDR' },
      },
      payment: { additional_info: { payment_link: { reff_no: link.reff_no } } },
    },
  });
  const [payment] = await listPayments(request, merchant, link);
  expect(payment).toMatchObject({
    reff_no: paymentReff,
    status: 'paid',
    payment_method: 'VA_BCA',
    payment_method_value: vaNumber,
  });
});

test('a Mandiri bill from Midtrans shows the biller code Midtrans gave, and Mandiri’s own channels', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Kursus', total_amount: 120000 });
  await page.goto(linkPath(link));
  await payWith(page, 'Mandiri', 'Rp 120.000');
  const paymentReff = await waitForPaymentView(page);
  const { instrument } = await emulatorOrder(paymentReff);
  if (instrument.paymentType !== 'echannel')
    throw new Error(`not a bill: ${instrument.paymentType}`);
  const billKey = await readVaNumber(page);
  expect(billKey).toBe(instrument.billKey);

  // The company code Midtrans named stands beside the bill key, and the steps ask for it first
  // (not digits of the key, as for a VA of Paylink's own).
  await expect(page.getByRole('group', { name: 'Kode perusahaan' })).toContainText(
    instrument.billerCode,
  );
  const channels = page.getByRole('region', { name: 'Cara membayar' }).getByRole('group');
  await expect(channels.nth(0)).toContainText("Livin' by Mandiri");
  await expect(channels.nth(0)).toContainText(`dengan kode perusahaan ${instrument.billerCode}.`);
  await expect(channels.nth(1)).toContainText('ATM Mandiri');
  await expect(channels.nth(1)).toContainText(`Ketik kode perusahaan ${instrument.billerCode},`);
  // A Mandiri bill is paid at Mandiri only (no transfer from another bank).
  await expect(channels).toHaveCount(2);

  await payAtEmulator(paymentReff);
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible({
    timeout: 5_000,
  });
});
