import { fillCustomerDetails, payWith, waitForPaymentView } from './support/customer.ts';
import { expect, test } from './support/fixtures.ts';
import { createLink, linkPath } from './support/paylink.ts';

test.describe('a phone set to English', () => {
  test.use({ locale: 'en-US' });

  test('gets the page in English, can switch to Indonesian, and the choice sticks', async ({
    page,
    request,
    merchant,
  }) => {
    const link = await createLink(request, merchant, {
      title: 'Batik shirt',
      total_amount: 50000,
      required_customer_detail: true,
    });
    const response = await page.goto(linkPath(link));
    expect(response?.headers()['content-language']).toBe('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('main')).toContainText(/Total to pay\s*Rp 50\.000/);
    await expect(page.getByRole('textbox', { name: 'Full name' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Mobile number' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Virtual account' })).toBeVisible();
    await page.getByRole('button', { name: 'Pay Rp 50.000' }).click();
    await expect(page.getByRole('alert')).toContainText('Please check the following:');

    const nav = page.getByRole('navigation', { name: 'Language' });
    await expect(nav.getByRole('link', { name: 'English' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await nav.getByRole('link', { name: 'Indonesia' }).click();
    await expect(page).toHaveURL(`${linkPath(link)}?lang=id`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    await expect(page.getByRole('main')).toContainText(/Total pembayaran\s*Rp 50\.000/);
    await expect(page.getByRole('navigation', { name: 'Bahasa' })).toBeVisible();

    // The explicit choice outlives the English Accept-Language header on the next pages.
    await page.goto(linkPath(link));
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    await fillCustomerDetails(page);
    await payWith(page, 'BRI', 'Rp 50.000');
    await waitForPaymentView(page);
    await expect(
      page.getByRole('heading', { name: 'Transfer ke Virtual Account Bank Rakyat Indonesia' }),
    ).toBeVisible();

    // And back to English from the payment view: same payment, English instructions.
    const paymentPath = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(`${paymentPath}?lang=en`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(
      page.getByRole('heading', { name: 'Transfer to the Bank Rakyat Indonesia virtual account' }),
    ).toBeVisible();
    await expect(page.getByRole('group', { name: 'Virtual account number' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'How to pay' })).toContainText('BRI ATM');
    await expect(page.getByRole('button', { name: 'Choose another method' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Refresh status' })).toBeVisible();
  });
});

test('Indonesian is the default; ?lang=en and the language links switch the page', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Kopi', total_amount: 20000 });
  await page.goto(linkPath(link));
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByRole('button', { name: 'Bayar Rp 20.000' })).toBeVisible();

  await page.goto(`${linkPath(link)}?lang=en`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Pay Rp 20.000' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'QRIS' })).toBeVisible();

  await page.getByRole('link', { name: 'Indonesia' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByRole('button', { name: 'Bayar Rp 20.000' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Indonesia' })).toHaveAttribute(
    'aria-current',
    'true',
  );
  // Each language's name is marked in its own language for screen readers.
  await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('lang', 'en');
});

test('an unknown ?lang= falls back instead of failing', async ({ page, request, merchant }) => {
  const link = await createLink(request, merchant, { title: 'Kopi', total_amount: 20000 });
  const response = await page.goto(`${linkPath(link)}?lang=xx`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
});
