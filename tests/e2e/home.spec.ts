import { expect, test } from '@playwright/test';
import { createLink, createMerchant } from './support/paylink.ts';

test('the home page renders its heading', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Paylink', exact: true })).toBeVisible();
});

test('/healthz answers ok', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('a link created through the API opens as a page with its title', async ({ page, request }) => {
  const merchant = await createMerchant(request);
  const link = await createLink(request, merchant, { title: 'Kopi', total_amount: 25000 });
  const url = new URL(link.payment_url);
  expect(url.pathname).toMatch(/^\/b2b\/PL\d{14}[0-9a-f]{32}$/);

  const response = await page.goto(url.pathname);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Kopi', exact: true })).toBeVisible();
});
