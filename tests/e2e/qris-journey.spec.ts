import { parseFullQR } from 'emvco-qr-sdk';
import { parse } from 'promptparse';
import { CUSTOMER, fillCustomerDetails, payWith, waitForPaymentView } from './support/customer.ts';
import { expect, test } from './support/fixtures.ts';
import { createLink, linkPath, listPayments, payQrisInSandbox } from './support/paylink.ts';
import { decodeQrFromPng } from './support/qr.ts';

test('a customer pays by QRIS, sees the receipt and is sent back to the merchant', async ({
  page,
  request,
  merchant,
  receiver,
}) => {
  const link = await createLink(request, merchant, {
    title: 'Kopi susu (2x)',
    items: [{ name: 'Kopi susu', quantity: 2, unit_price: 25000 }],
    required_customer_detail: true,
    redirect_url: `${receiver.origin}/done?order=7`,
  });

  await page.goto(linkPath(link));
  await expect(page.getByRole('heading', { level: 1, name: 'Kopi susu (2x)' })).toBeVisible();
  await expect(page.getByText(`Penjual: ${merchant.name}`)).toBeVisible();
  const order = page.getByRole('region', { name: 'Rincian pesanan' });
  await expect(order).toContainText('Kopi susu');
  await expect(order).toContainText('2 × Rp 25.000');
  await expect(order).toContainText(/Total pembayaran\s*Rp 50\.000/);

  await fillCustomerDetails(page);
  await payWith(page, 'QRIS', 'Rp 50.000');
  const paymentReff = await waitForPaymentView(page);
  await expect(page.getByRole('heading', { name: 'Pindai kode QRIS' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Cara membayar' })).toBeVisible();

  // What a phone's camera reads off the screen.
  const qrImage = page.getByRole('img', {
    name: `Kode QRIS untuk membayar Rp 50.000 ke ${merchant.name}`,
  });
  const scanned = decodeQrFromPng(await qrImage.screenshot());
  expect(scanned, 'the QR on the page decodes').not.toBeNull();
  const qrText = scanned ?? '';
  const strict = parse(qrText, true);
  expect(strict, 'promptparse accepts it with a strict CRC check').not.toBeNull();
  expect(strict?.getTagValue('54')).toBe('50000');
  expect(strict?.getTagValue('53')).toBe('360');
  expect(strict?.getTagValue('58')).toBe('ID');
  const emv = parseFullQR(qrText, {});
  expect(emv.crc.isValid).toBe(true);
  expect(emv.tlvs.find((tlv) => tlv.tag === '54')?.value).toBe('50000');

  // The downloadable PNG carries the same code, for paying from the same phone.
  const download = page.getByRole('link', { name: 'Unduh kode QR' });
  const png = await page.request.get((await download.getAttribute('href')) ?? '');
  expect(png.headers()['content-type']).toBe('image/png');
  expect(decodeQrFromPng(await png.body())).toBe(qrText);

  const paid = await payQrisInSandbox(request, qrText);
  expect(paid.status()).toBe(200);

  // The page notices by itself (SPEC §7: within 2 seconds); the test never reloads.
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible({
    timeout: 3_000,
  });
  const successAt = Date.now();
  const receipt = page.getByRole('definition');
  await expect(receipt.filter({ hasText: 'Rp 50.000' })).toBeVisible();
  await expect(receipt.filter({ hasText: paymentReff })).toBeVisible();
  await expect(page.getByRole('term')).toHaveText([
    'Jumlah dibayar',
    'Metode',
    'Waktu pembayaran',
    'Nomor referensi',
  ]);
  await expect(page.getByRole('link', { name: `Kembali ke ${merchant.name}` })).toBeVisible();
  // A visible countdown that ticks down (5 s in all, SPEC §7).
  const countdown = page.getByText(`Anda akan diarahkan kembali ke ${merchant.name} dalam`);
  await expect(countdown).toHaveText(/dalam [1-5] detik\.$/);
  const firstSeen = Number(/(\d) detik/.exec(await countdown.innerText())?.[1]);
  if (firstSeen > 1)
    await expect(countdown).toHaveText(new RegExp(`dalam [1-${firstSeen - 1}] detik\\.$`));

  await page.waitForURL((url) => url.origin === receiver.origin, { timeout: 8_000 });
  expect(Date.now() - successAt, 'the customer had time to read the receipt').toBeGreaterThan(
    3_000,
  );
  await expect(page.getByRole('heading', { name: 'Back at the shop' })).toBeVisible();
  const landed = new URL(page.url());
  expect(landed.pathname).toBe('/done');
  expect(Object.fromEntries(landed.searchParams)).toEqual({
    order: '7',
    reff_no: link.reff_no,
    status: 'paid',
    payment_id: paymentReff,
  });
  const [payment] = await listPayments(request, merchant, link);
  expect(payment).toMatchObject({
    reff_no: paymentReff,
    status: 'paid',
    payment_method: 'QRIS',
    customer_name: CUSTOMER.name,
    customer_email: CUSTOMER.email,
    // Stored in international form.
    customer_phone: '+6281234567890',
  });
});
