import type { Page } from '@playwright/test';
import { RETURN_TO_MERCHANT_SECONDS } from '../../src/checkout/timing.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { expect, test } from './support/fixtures.ts';
import type { E2eMerchant } from './support/paylink.ts';
import { createLink, linkPath, patchLink, payLinkByVa } from './support/paylink.ts';

// SPEC §7: expired and closed pages offer the way back (redirect_url) and the merchant's
// contact instead of a dead end; a paid link opened again later shows its receipt and stays
// (docs/decisions/023).

/** Longer than the automatic return would take, had the page started one. */
const LONGER_THAN_THE_COUNTDOWN_MS = RETURN_TO_MERCHANT_SECONDS * 1000 + 1_500;

async function expectContact(page: Page, merchant: E2eMerchant) {
  const contact = page.getByRole('region', { name: `Hubungi ${merchant.name}` });
  await expect(contact.getByRole('link', { name: merchant.email })).toHaveAttribute(
    'href',
    `mailto:${merchant.email}`,
  );
  await expect(contact.getByRole('link', { name: merchant.phone })).toHaveAttribute(
    'href',
    'tel:+628123993201',
  );
}

/** Nothing on the page sends the customer away by itself. */
async function expectNoAutomaticReturn(page: Page) {
  await expect(page.locator('noscript meta[http-equiv="refresh"]')).toHaveCount(0);
  await expect(page.getByText(/diarahkan kembali/)).toHaveCount(0);
}

test('a closed link says who closed it, offers the way back and the contact, and stays', async ({
  page,
  request,
  merchant,
  receiver,
}) => {
  const link = await createLink(request, merchant, {
    title: 'Pre-order',
    total_amount: 45000,
    redirect_url: `${receiver.origin}/shop?cart=3`,
  });
  await patchLink(request, merchant, link, { status: 'closed' });
  await page.goto(linkPath(link));
  await expect(
    page.getByRole('heading', { name: 'Tautan ini sudah tidak menerima pembayaran' }),
  ).toBeVisible();
  await expect(page.getByText('Penjual sudah menutup tautan ini.')).toBeVisible();
  await expectContact(page, merchant);
  await expectNoAutomaticReturn(page);
  await expectNoAxeViolations(page, 'closed link page');
  await page.waitForTimeout(LONGER_THAN_THE_COUNTDOWN_MS);
  await expect(page).toHaveURL(linkPath(link));
  expect(receiver.hits).toEqual([]);

  await page.getByRole('link', { name: `Kembali ke ${merchant.name}` }).click();
  await page.waitForURL((url) => url.origin === receiver.origin);
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
    cart: '3',
    reff_no: link.reff_no,
  });
});

test('a used-up link says it reached its limit', async ({ page, request, merchant }) => {
  const link = await createLink(request, merchant, { title: 'Kuota', total_amount: 20000 });
  await patchLink(request, merchant, link, { max_usage: 2 });
  await payLinkByVa(request, link, 20000);
  await payLinkByVa(request, link, 20000);
  await page.goto(linkPath(link));
  await expect(
    page.getByText('Tautan ini sudah mencapai batas jumlah pembayarannya.'),
  ).toBeVisible();
  await expect(page.getByText(/Penjual sudah menutup/)).toHaveCount(0);
  await expectContact(page, merchant);
});

test('an expired link opened later offers the way back and the contact, without bouncing', async ({
  page,
  request,
  merchant,
  receiver,
}) => {
  const link = await createLink(request, merchant, {
    title: 'Tiket',
    total_amount: 30000,
    expired_at: Date.now() + 1_500,
    redirect_url: `${receiver.origin}/back`,
  });
  await expect
    .poll(async () => (await request.get(`${linkPath(link)}/status`)).json(), { timeout: 5_000 })
    .toMatchObject({ link_status: 'expired' });
  await page.goto(linkPath(link));
  await expect(
    page.getByRole('heading', { name: 'Tautan pembayaran sudah kedaluwarsa' }),
  ).toBeVisible();
  await expectContact(page, merchant);
  await expectNoAutomaticReturn(page);
  const back = page.getByRole('link', { name: `Kembali ke ${merchant.name}` });
  const href = new URL((await back.getAttribute('href')) ?? '');
  expect(Object.fromEntries(href.searchParams)).toEqual({
    reff_no: link.reff_no,
    status: 'expired',
  });
});

test('a paid link opened again later shows the full receipt and stays', async ({
  page,
  request,
  merchant,
  receiver,
}) => {
  const link = await createLink(request, merchant, {
    title: 'Paket sarapan',
    total_amount: 35000,
    items: [
      { name: 'Nasi uduk', quantity: 2, unit_price: 15000 },
      { name: 'Teh manis', quantity: 1, unit_price: 5000 },
    ],
    customer: { name: 'Siti', email: 'siti.rahma@example.com' },
    redirect_url: `${receiver.origin}/done`,
  });
  const paymentReff = await payLinkByVa(request, link, 35000);
  await page.goto(linkPath(link));
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible();
  const items = page.getByRole('list', { name: 'Rincian pesanan' }).getByRole('listitem');
  await expect(items).toHaveText([/Nasi uduk × 2\s*Rp 30\.000/, /Teh manis\s*Rp 5\.000/]);
  await expect(page.getByRole('definition').filter({ hasText: paymentReff })).toBeVisible();
  await expect(page.getByText('Bukti pembayaran sudah dikirim ke s***@example.com.')).toBeVisible();
  await expect(page.getByRole('link', { name: `Kembali ke ${merchant.name}` })).toBeVisible();
  await expectNoAutomaticReturn(page);
  await expectNoAxeViolations(page, 'receipt opened later');
  await page.waitForTimeout(LONGER_THAN_THE_COUNTDOWN_MS);
  await expect(page).toHaveURL(linkPath(link));
  expect(receiver.hits).toEqual([]);

  // Save or print: the browser's print dialog (saves as PDF too).
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await page.getByRole('button', { name: 'Simpan atau cetak bukti pembayaran' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');

  // The payment's own page, opened later, does not bounce either.
  await page.goto(`${linkPath(link)}/payments/${paymentReff}`);
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible();
  await expectNoAutomaticReturn(page);
});
