import { parse } from 'promptparse';
import { payWith, waitForPaymentView } from './support/customer.ts';
import { customerCodeOf, emulatorOrder, payAtEmulator } from './support/emulator.ts';
import { expect, test } from './support/fixtures.ts';
import { createLink, linkPath } from './support/paylink.ts';
import { decodeQrFromPng } from './support/qr.ts';

// SPEC §10: a QRIS payment through Midtrans shows the gateway's own QRIS text, drawn by
// Paylink, and turns to the receipt when the gateway says it was paid.

test('a customer scans the QRIS Midtrans issued, pays it and sees the receipt', async ({
  page,
  request,
  merchant,
  receiver,
}) => {
  const link = await createLink(request, merchant, {
    title: 'Kopi susu',
    total_amount: 27500,
    redirect_url: `${receiver.origin}/done`,
  });
  await page.goto(linkPath(link));
  await payWith(page, 'QRIS', 'Rp 27.500');
  const paymentReff = await waitForPaymentView(page);
  await expect(page.getByRole('heading', { name: 'Pindai kode QRIS' })).toBeVisible();

  // What a phone's camera reads off the screen is the gateway's QRIS, whole.
  const order = await emulatorOrder(paymentReff);
  expect(order).toMatchObject({ status: 'pending', grossAmount: 27500 });
  const qrImage = page.getByRole('img', {
    name: `Kode QRIS untuk membayar Rp 27.500 ke ${merchant.name}`,
  });
  const scanned = decodeQrFromPng(await qrImage.screenshot());
  expect(scanned).toBe(customerCodeOf(order.instrument));
  const qris = parse(scanned ?? '', true);
  expect(qris, 'a valid EMVCo QRIS with its CRC').not.toBeNull();
  expect(qris?.getTagValue('54')).toBe('27500');

  // The download is the same code.
  const download = page.getByRole('link', { name: 'Unduh kode QR' });
  const png = await page.request.get((await download.getAttribute('href')) ?? '');
  expect(png.headers()['content-type']).toBe('image/png');
  expect(decodeQrFromPng(await png.body())).toBe(scanned);
  await expect(page.getByRole('button', { name: 'Simulasikan pembayaran' })).toHaveCount(0);

  await payAtEmulator(paymentReff);
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible({
    timeout: 5_000,
  });
  await expect(page.getByRole('definition').filter({ hasText: 'QRIS' })).toBeVisible();
  // And back to the merchant, as after a sandbox payment.
  await page.waitForURL((url) => url.origin === receiver.origin, { timeout: 8_000 });
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
    reff_no: link.reff_no,
    status: 'paid',
    payment_id: paymentReff,
  });
});
