import { CUSTOMER, fillCustomerDetails, payWith, waitForPaymentView } from './support/customer.ts';
import { expect, test } from './support/fixtures.ts';
import { createLink, linkPath, listPayments, startPaymentByApi } from './support/paylink.ts';

// Issue 12 (12): the smaller things a customer notices.
const DAY_MS = 24 * 60 * 60 * 1000;

test('the open form has no "refresh status" link; a waiting payment does', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Kopi', total_amount: 20000 });
  await page.goto(linkPath(link));
  await expect(page.getByRole('button', { name: 'Bayar Rp 20.000' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Perbarui status' })).toHaveCount(0);
  await payWith(page, 'QRIS', 'Rp 20.000');
  await waitForPaymentView(page);
  await expect(page.getByRole('link', { name: 'Perbarui status' })).toBeVisible();
});

test('the Copy button sits with its value; a hand-copied VA number has no spaces', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Kaos', total_amount: 75000 });
  const payment = await startPaymentByApi(request, link, 'VA_BCA');
  await page.goto(`${linkPath(link)}/payments/${payment.reff_no}`);
  for (const name of ['Nomor Virtual Account', 'Jumlah yang harus dibayar']) {
    const group = page.getByRole('group', { name });
    const label = await group.getByText(name, { exact: true }).boundingBox();
    const copy = await group.getByRole('button', { name: /^Salin/ }).boundingBox();
    // Below the label, on the value's line or just under it: not beside the label.
    expect(copy?.y ?? 0, `${name}: Copy is not on the label's line`).toBeGreaterThanOrEqual(
      (label?.y ?? 0) + (label?.height ?? 0) - 1,
    );
  }
  const selected = await page.locator('#va-number').evaluate((element) => {
    getSelection()?.selectAllChildren(element);
    return getSelection()?.toString();
  });
  expect(selected).toBe(payment.payment_method_value);
  // Shown (and read by screen readers) in four groups: the gaps are CSS-generated spaces.
  const gaps = await page
    .locator('#va-number')
    .evaluate((element) =>
      [...element.querySelectorAll('span')].map(
        (group) => getComputedStyle(group, '::before').content,
      ),
    );
  expect(gaps).toEqual(['none', '" "', '" "', '" "']);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a deadline days away reads to the minute, quietly; no stale seconds', async ({
    page,
    request,
    merchant,
  }) => {
    const link = await createLink(request, merchant, {
      title: 'Tiket',
      total_amount: 20000,
      expired_at: Date.now() + 3 * DAY_MS,
    });
    await page.goto(linkPath(link));
    const timer = page.getByRole('timer');
    await expect(timer).toHaveText(/^2 hari 23 jam$/);
    const background = await timer.evaluate(
      (element) => getComputedStyle(element.closest('div') ?? element).backgroundColor,
    );
    expect(background, 'no urgency colours days ahead').toBe('rgba(0, 0, 0, 0)');
  });
});

test('a deadline under an hour away looks urgent and ticks', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Es teh', total_amount: 8000 });
  const payment = await startPaymentByApi(request, link, 'QRIS');
  await page.goto(`${linkPath(link)}/payments/${payment.reff_no}`);
  const timer = page.getByRole('timer');
  await expect(timer).toHaveText(/^(30:00|29:[0-5]\d)$/);
  const background = await timer.evaluate(
    (element) => getComputedStyle(element.closest('div') ?? element).backgroundColor,
  );
  expect(background).not.toBe('rgba(0, 0, 0, 0)');
});

test('62812… without a plus is an Indonesian number, in the browser and on the server', async ({
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
  await expect(page.getByText('Contoh: 0812 3456 7890')).toBeVisible();
  await fillCustomerDetails(page, { ...CUSTOMER, phone: '62 812-3456-7890' });
  await payWith(page, 'BRI', 'Rp 50.000');
  await waitForPaymentView(page);
  const [payment] = await listPayments(request, merchant, link);
  expect(payment?.customer_phone).toBe('+6281234567890');
});

test('the sandbox bank speaks the page language: Indonesian first, English on request', async ({
  page,
}) => {
  await page.goto('/sandbox');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bank sandbox');
  await expect(page.getByRole('button', { name: 'Bayar virtual account' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Bahasa' })
    .getByRole('link', { name: 'English' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sandbox bank');
  await expect(page.getByRole('button', { name: 'Pay virtual account' })).toBeVisible();
});

test('the not-found page has no "secure payment" footer: there is no payment', async ({ page }) => {
  await page.goto(`/b2b/PL20260101000000${'0'.repeat(32)}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('Pembayaran diproses dengan aman oleh Paylink.')).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toHaveCount(0);
});
