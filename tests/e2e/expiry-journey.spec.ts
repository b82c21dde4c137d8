import { payWith, waitForPaymentView } from './support/customer.ts';
import { expect, test } from './support/fixtures.ts';
import { createLink, linkPath } from './support/paylink.ts';

// These links really expire: the server runs on its real clock, so each lives a few seconds,
// long enough to open the page and start a payment on a slow machine.
const LIFETIME_MS = 6_000;

test('an open page turns into the expired view by itself and sends the customer back', async ({
  page,
  request,
  merchant,
  receiver,
}) => {
  const link = await createLink(request, merchant, {
    title: 'Tiket konser',
    total_amount: 150000,
    expired_at: Date.now() + LIFETIME_MS,
    redirect_url: `${receiver.origin}/back?cart=12`,
  });
  await page.goto(linkPath(link));
  await expect(page.getByRole('heading', { level: 1, name: 'Tiket konser' })).toBeVisible();
  await expect(page.getByText('Berlaku sampai')).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(/\d/);

  const expired = page.getByRole('heading', { name: 'Tautan pembayaran sudah kedaluwarsa' });
  await expect(expired).toBeVisible({ timeout: LIFETIME_MS + 3_000 });
  await expect(page.getByRole('button', { name: /^Bayar/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: `Kembali ke ${merchant.name}` })).toBeVisible();
  await expect(page.getByText(/dalam \d detik/)).toBeVisible();

  await page.waitForURL((url) => url.origin === receiver.origin, { timeout: 8_000 });
  const landed = new URL(page.url());
  expect(landed.pathname).toBe('/back');
  expect(Object.fromEntries(landed.searchParams)).toEqual({
    cart: '12',
    reff_no: link.reff_no,
    status: 'expired',
  });
});

test('a pending VA payment ends with its link and the customer is sent back', async ({
  page,
  request,
  merchant,
  receiver,
}) => {
  const link = await createLink(request, merchant, {
    title: 'Kelas yoga',
    total_amount: 60000,
    expired_at: Date.now() + LIFETIME_MS,
    redirect_url: `${receiver.origin}/back`,
  });
  await page.goto(linkPath(link));
  await payWith(page, 'BNI', 'Rp 60.000');
  await waitForPaymentView(page);
  await expect(page.getByRole('heading', { name: /^Transfer ke Virtual Account/ })).toBeVisible();

  // The payment never outlives its link (SPEC §2).
  await expect(page.getByRole('heading', { name: 'Waktu pembayaran habis' })).toBeVisible({
    timeout: LIFETIME_MS + 3_000,
  });
  await expect(page.locator('#va-number')).toHaveCount(0);
  await page.waitForURL((url) => url.origin === receiver.origin, { timeout: 8_000 });
  const landed = new URL(page.url());
  expect(Object.fromEntries(landed.searchParams)).toEqual({
    reff_no: link.reff_no,
    status: 'expired',
  });
});
