import { expect, test } from './support/fixtures.ts';
import { createLink, linkPath, startPaymentByApi } from './support/paylink.ts';

test('an unknown link is a 404 page in the same look that reveals nothing', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, {
    title: 'Rahasia dagang',
    total_amount: 20000,
  });
  const real = linkPath(link);
  // One hex digit off a real link's id: still nothing about it may show.
  const last = real.at(-1) === '0' ? '1' : '0';
  const guessed = `${real.slice(0, -1)}${last}`;

  for (const path of [guessed, '/b2b/PL123', '/b2b/%3Cscript%3E', `${guessed}/payments/PYNOPE`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Tautan pembayaran tidak ditemukan',
    );
    await expect(page.getByRole('navigation', { name: 'Bahasa' })).toBeVisible();
    const text = await page.locator('body').innerText();
    expect(text, path).not.toContain(merchant.name);
    expect(text, path).not.toContain('Rahasia dagang');
    expect(text, path).not.toContain('Rp');
  }

  await page.goto(`${guessed}?lang=en`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payment link not found');
});

test('a payment is only found under its own link', async ({ page, request, merchant }) => {
  const mine = await createLink(request, merchant, { title: 'Link A', total_amount: 20000 });
  const other = await createLink(request, merchant, { title: 'Link B', total_amount: 30000 });
  const payment = await startPaymentByApi(request, other, 'QRIS');

  const crossed = await page.goto(`${linkPath(mine)}/payments/${payment.reff_no}`);
  expect(crossed?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Tautan pembayaran tidak ditemukan',
  );
  await expect(page.locator('body')).not.toContainText('Link B');

  const unknown = await page.goto(`${linkPath(mine)}/payments/PY${'0'.repeat(18)}`);
  expect(unknown?.status()).toBe(404);
  await expect(page.locator('body')).not.toContainText(merchant.name);
});
