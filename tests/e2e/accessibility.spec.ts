import { expectNoAxeViolations } from './support/axe.ts';
import {
  fillCustomerDetails,
  payWith,
  readVaNumber,
  waitForPaymentView,
} from './support/customer.ts';
import { expect, test } from './support/fixtures.ts';
import {
  createLink,
  linkPath,
  payQrisInSandbox,
  payVaInSandbox,
  startPaymentByApi,
} from './support/paylink.ts';
import { createEveryState } from './support/states.ts';

// SPEC §7: accessible, no axe violations, in every state the customer can meet.
for (const lang of ['id', 'en'] as const) {
  test(`link page and the form with errors (${lang})`, async ({ page, request, merchant }) => {
    const link = await createLink(request, merchant, {
      title: 'Kue lapis',
      description: 'Pesanan untuk acara Sabtu.',
      items: [
        { name: 'Kue lapis', quantity: 2, unit_price: 40000 },
        { name: 'Diskon', quantity: 1, unit_price: -10000 },
      ],
      required_customer_detail: true,
      expired_at: Date.now() + 3 * 24 * 60 * 60 * 1000,
    });
    await page.goto(`${linkPath(link)}?lang=${lang}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Kue lapis' })).toBeVisible();
    await expectNoAxeViolations(page, `open link page (${lang})`);

    await fillCustomerDetails(page, { email: 'not-an-email', phone: '12' }, lang);
    await page.getByRole('button', { name: /Rp 70\.000$/ }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoAxeViolations(page, `form with errors (${lang})`);
  });

  test(`not-found page (${lang})`, async ({ page }) => {
    await page.goto(`/b2b/PL20260101000000${'0'.repeat(32)}?lang=${lang}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page, `404 (${lang})`);
  });
}

test('VA payment page, then the receipt with its return countdown', async ({
  page,
  request,
  merchant,
  receiver,
}) => {
  const link = await createLink(request, merchant, {
    title: 'Jaket',
    total_amount: 250000,
    redirect_url: `${receiver.origin}/done`,
  });
  await page.goto(linkPath(link));
  await payWith(page, 'Mandiri', 'Rp 250.000');
  await waitForPaymentView(page);
  await expect(page.getByRole('button', { name: 'Salin nomor Virtual Account' })).toBeVisible();
  await expectNoAxeViolations(page, 'VA payment page');

  const vaNumber = await readVaNumber(page);
  const paid = await payVaInSandbox(request, {
    bank: 'MANDIRI',
    va_number: vaNumber,
    amount: 250000,
  });
  expect(paid.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible();
  // Stay, so the page is still there to check (WCAG 2.2.1 lets the customer stop the timer).
  await page.getByRole('button', { name: 'Tetap di halaman ini' }).click();
  await expect(page.getByRole('status').filter({ hasText: /\S/ })).toBeVisible();
  await expectNoAxeViolations(page, 'receipt');
  await expect(page).toHaveURL(/\/payments\//);
});

test('QRIS payment page and the English receipt', async ({ page, request, merchant }) => {
  const link = await createLink(request, merchant, { title: 'Es teh', total_amount: 8000 });
  const payment = await startPaymentByApi(request, link, 'QRIS');
  await page.goto(`${linkPath(link)}/payments/${payment.reff_no}`);
  await expect(page.getByRole('heading', { name: 'Pindai kode QRIS' })).toBeVisible();
  await expectNoAxeViolations(page, 'QRIS payment page');

  expect((await payQrisInSandbox(request, payment.qr_string ?? '')).status()).toBe(200);
  // The open page hears of the payment and reloads by itself; then the customer switches language.
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible();
  await page.goto(`${linkPath(link)}/payments/${payment.reff_no}?lang=en`);
  await expect(page.getByRole('heading', { name: 'Payment successful' })).toBeVisible();
  await expectNoAxeViolations(page, 'receipt (en)');
});

test('expired link page', async ({ page, request, merchant }) => {
  const link = await createLink(request, merchant, {
    title: 'Promo kilat',
    total_amount: 30000,
    expired_at: Date.now() + 1_500,
  });
  await expect
    .poll(async () => (await (await request.get(`${linkPath(link)}/status`)).json()).link_status)
    .toBe('expired');
  await page.goto(linkPath(link));
  await expect(
    page.getByRole('heading', { name: 'Tautan pembayaran sudah kedaluwarsa' }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'expired page');
});

test('a payment given up for another method', async ({ page, request, merchant }) => {
  const link = await createLink(request, merchant, { title: 'Sabun', total_amount: 15000 });
  await page.goto(linkPath(link));
  await payWith(page, 'BCA', 'Rp 15.000');
  const paymentReff = await waitForPaymentView(page);
  await page.getByRole('button', { name: 'Pilih metode lain' }).click();
  await expect(page.getByRole('button', { name: 'Bayar Rp 15.000' })).toBeVisible();

  await page.goto(`${linkPath(link)}/payments/${paymentReff}`);
  await expect(page.getByRole('heading', { name: 'Pembayaran ini dibatalkan' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Pilih metode pembayaran lagi' })).toBeVisible();
  await expectNoAxeViolations(page, 'cancelled payment page');
});

test('the folded order opened, the closed link page and the sandbox bank', async ({
  page,
  request,
  merchant,
}) => {
  const states = await createEveryState(request, merchant);
  await page.goto(states.link);
  await page.getByRole('region', { name: 'Rincian pesanan' }).getByText('5 item').click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Ongkos kirim' })).toBeVisible();
  await expectNoAxeViolations(page, 'link page with the order opened');
  await page.goto(states.closed);
  await expect(
    page.getByRole('heading', { name: 'Tautan ini sudah tidak menerima pembayaran' }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'closed link page');
  for (const lang of ['id', 'en']) {
    await page.goto(`${states.sandbox}?lang=${lang}`);
    await expectNoAxeViolations(page, `sandbox bank (${lang})`);
  }
});
