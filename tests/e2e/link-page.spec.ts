import { CUSTOMER, fillCustomerDetails, payWith, waitForPaymentView } from './support/customer.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { expect, test } from './support/fixtures.ts';
import { createLink, E2E_BASE_URL, linkPath, patchLink, payLinkByVa } from './support/paylink.ts';

test('the link page shows the order: merchant, title, description, items, total, time left', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, {
    title: 'Paket sarapan',
    description: 'Diantar besok pagi sebelum jam 8.',
    items: [
      { name: 'Nasi uduk', quantity: 2, unit_price: 15000 },
      { name: 'Teh manis', quantity: 1, unit_price: 5000 },
      { name: 'Promo pelanggan baru', quantity: 1, unit_price: -5000 },
    ],
    expired_at: Date.now() + 2 * 60 * 60 * 1000,
  });
  const response = await page.goto(linkPath(link));
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paket sarapan');
  await expect(page.getByText(`Penjual: ${merchant.name}`)).toBeVisible();
  // Three lines fold under the amount due, so the method choice starts on the first screen.
  const order = page.getByRole('region', { name: 'Rincian pesanan' });
  await expect(order.getByRole('listitem')).toHaveCount(0);
  await order.getByText('3 item').click();
  await expect(page.getByText('Diantar besok pagi sebelum jam 8.')).toBeVisible();
  await expect(order.getByRole('listitem')).toHaveCount(3);
  await expect(order.getByRole('listitem').nth(0)).toContainText('Nasi uduk');
  await expect(order.getByRole('listitem').nth(0)).toContainText('2 × Rp 15.000');
  await expect(order.getByRole('listitem').nth(0)).toContainText('Rp 30.000');
  await expect(order.getByRole('listitem').nth(2)).toContainText('Diskon');
  await expect(order.getByRole('listitem').nth(2)).toContainText('-Rp 5.000');
  await expect(order).toContainText(/Total pembayaran\s*Rp 30\.000/);
  await expect(page.getByText('Berlaku sampai')).toBeVisible();
  // Two hours away: to the minute, no ticking seconds until the last hour.
  await expect(page.getByRole('timer')).toHaveText(/^(1 jam 59 menit|2 jam)$/);
  // No customer details asked for this link.
  await expect(page.getByRole('textbox')).toHaveCount(0);
});

test('only the whitelisted methods that take the amount are offered', async ({
  page,
  request,
  merchant,
}) => {
  const whitelisted = await createLink(request, merchant, {
    title: 'Dua bank saja',
    total_amount: 30000,
    whitelisted_payment_method: ['VA_MANDIRI', 'VA_BSI'],
  });
  await page.goto(linkPath(whitelisted));
  await expect(page.getByRole('group', { name: 'QRIS' })).toHaveCount(0);
  await expect(page.getByRole('radio')).toHaveCount(2);
  await expect(page.getByRole('radio', { name: /^Mandiri/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^BSI/ })).toBeVisible();

  // Rp 5.000 is below every VA's minimum: QRIS is the only way, so it comes chosen.
  const small = await createLink(request, merchant, { title: 'Parkir', total_amount: 5000 });
  await page.goto(linkPath(small));
  await expect(page.getByRole('radio')).toHaveCount(1);
  await expect(page.getByRole('radio', { name: 'QRIS' })).toBeChecked();
  await page.getByRole('button', { name: 'Bayar Rp 5.000' }).click();
  await expect(page.getByRole('heading', { name: 'Pindai kode QRIS' })).toBeVisible();
});

test('the browser checks the customer details before anything is sent', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, {
    title: 'Kaos',
    total_amount: 50000,
    required_customer_detail: true,
  });
  await page.goto(linkPath(link));
  const posts: string[] = [];
  page.on('request', (sent) => sent.method() === 'POST' && posts.push(sent.url()));

  await page.getByRole('button', { name: 'Bayar Rp 50.000' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Periksa lagi isian berikut:');
  await expect(summary.getByRole('link')).toHaveText([
    'Pilih salah satu metode pembayaran.',
    'Masukkan nama Anda.',
    'Masukkan alamat email Anda.',
    'Masukkan nomor HP Anda.',
  ]);
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: 'Masukkan nomor HP Anda.' }).click();
  await expect(page.getByRole('textbox', { name: 'Nomor HP' })).toBeFocused();

  await fillCustomerDetails(page, { ...CUSTOMER, email: 'siti@', phone: '0812' });
  await page.getByRole('button', { name: 'Bayar Rp 50.000' }).click();
  await expect(summary.getByRole('link')).toHaveText([
    'Pilih salah satu metode pembayaran.',
    'Masukkan alamat email yang benar, misalnya nama@contoh.com.',
    'Masukkan nomor HP Indonesia yang diawali 08, 628, atau +628.',
  ]);
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  expect(posts, 'nothing was sent while the form had errors').toEqual([]);

  // The +628 form is an Indonesian mobile number too.
  await fillCustomerDetails(page, { email: CUSTOMER.email, phone: '+62 812-3456-7890' });
  await payWith(page, 'BRI', 'Rp 50.000');
  await waitForPaymentView(page);
  expect(posts).toHaveLength(1);
});

test('a used-up link says so; a single-use link shows its receipt', async ({
  page,
  request,
  merchant,
}) => {
  const twice = await createLink(request, merchant, {
    title: 'Dua kali',
    total_amount: 20000,
    max_usage: 2,
  });
  await payLinkByVa(request, twice, 20000);
  await page.goto(linkPath(twice));
  await expect(page.getByRole('button', { name: 'Bayar Rp 20.000' })).toBeVisible();
  // The last use, paid elsewhere: the open page hears of it and shows the closed view by itself.
  await payLinkByVa(request, twice, 20000);
  await expect(
    page.getByRole('heading', { name: 'Tautan ini sudah tidak menerima pembayaran' }),
  ).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('heading', { name: 'Tautan ini sudah tidak menerima pembayaran' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Bayar/ })).toHaveCount(0);

  // Paid once with max_usage 1: the link page shows the receipt instead of the form.
  const once = await createLink(request, merchant, { title: 'Sekali bayar', total_amount: 20000 });
  const paymentReff = await payLinkByVa(request, once, 20000);
  await page.goto(linkPath(once));
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: paymentReff })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Bayar/ })).toHaveCount(0);
});

test('an open page notices when the merchant closes the link', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Pre-order', total_amount: 45000 });
  await page.goto(linkPath(link));
  await expect(page.getByRole('button', { name: 'Bayar Rp 45.000' })).toBeVisible();
  await patchLink(request, merchant, link, { status: 'closed' });
  await expect(
    page.getByRole('heading', { name: 'Tautan ini sudah tidak menerima pembayaran' }),
  ).toBeVisible({ timeout: 3_000 });
  await expect(page.getByRole('button', { name: /^Bayar/ })).toHaveCount(0);
});

test('the time left counts from the deadline on the phone’s clock, not the page’s age', async ({
  page,
  request,
  merchant,
}) => {
  const deadline = Date.now() + 2 * 60 * 60 * 1000;
  const link = await createLink(request, merchant, {
    title: 'Voucher',
    total_amount: 10000,
    expired_at: deadline,
  });
  // As if the page was drawn (or cached) 90 minutes before the phone shows it.
  await page.clock.install({ time: deadline - 30 * 60 * 1000 });
  await page.goto(linkPath(link));
  await expect(page.getByRole('timer')).toHaveText(/^(30:00|29:[0-5]\d)$/);
});

// docs/decisions/016: the details the merchant gave are shown, not asked, and cannot be changed.
test('a link made for a customer shows their details and asks only for the rest', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, {
    title: 'Kaos',
    total_amount: 50000,
    required_customer_detail: true,
    customer: { name: CUSTOMER.name, email: CUSTOMER.email },
  });
  await page.goto(linkPath(link));
  const details = page.getByRole('region', { name: 'Data pembeli' });
  await expect(details).toContainText(CUSTOMER.name);
  await expect(details).toContainText(CUSTOMER.email);
  await expect(page.getByRole('textbox')).toHaveCount(1);
  await expectNoAxeViolations(page, 'link page with a bound customer');

  await page.getByRole('button', { name: 'Bayar Rp 50.000' }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText([
    'Pilih salah satu metode pembayaran.',
    'Masukkan nomor HP Anda.',
  ]);
  await fillCustomerDetails(page, { phone: CUSTOMER.phone });
  await payWith(page, 'BRI', 'Rp 50.000');
  await waitForPaymentView(page);

  // A post that tries another email (no page sends one) is refused with the form again.
  const other = await createLink(request, merchant, {
    title: 'Kaos',
    total_amount: 50000,
    customer: { name: CUSTOMER.name, email: CUSTOMER.email },
  });
  const refused = await request.post(`${linkPath(other)}/payments`, {
    headers: { origin: E2E_BASE_URL },
    form: { method: 'QRIS', customer_email: 'mallory@evil.example' },
  });
  expect(refused.status()).toBe(422);
  expect(await refused.text()).toContain('Pembayaran belum bisa dibuat');
});
