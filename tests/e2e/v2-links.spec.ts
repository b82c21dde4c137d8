import { expect, test } from './support/fixtures.ts';
import type { E2eLink } from './support/paylink.ts';
import { linkPath } from './support/paylink.ts';

// The server runs on its real clock: the link lives a few seconds, long enough to open it.
const LIFETIME_MS = 6_000;

test('a v2.0 link asks for details and, once expired, sends the customer to expired_redirect_url', async ({
  page,
  request,
  merchant,
  receiver,
}) => {
  // SPEC §3.5, as SingaPay's JavaScript SDK sends it: no title, an ISO expired_at.
  const response = await request.post(`/api/v2.0/payment-link/${merchant.accountId}`, {
    headers: { authorization: `Bearer ${merchant.token}`, 'x-partner-id': merchant.apiKey },
    data: {
      reff_no: `E2E-${Date.now()}`,
      payment_link_type: 'total',
      total_amount: 75000,
      description: 'Sewa sepeda',
      max_usage: 0,
      expired_at: new Date(Date.now() + LIFETIME_MS).toISOString(),
      required_customer_email: true,
      success_redirect_url: `${receiver.origin}/thanks`,
      expired_redirect_url: `${receiver.origin}/too-late?cart=7`,
    },
  });
  expect(response.status()).toBe(200);
  const link: E2eLink = (await response.json()).data;

  await page.goto(linkPath(link));
  await expect(page.getByRole('heading', { level: 1, name: 'Sewa sepeda' })).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(3);

  const expired = page.getByRole('heading', { name: 'Tautan pembayaran sudah kedaluwarsa' });
  await expect(expired).toBeVisible({ timeout: LIFETIME_MS + 3_000 });
  await page.waitForURL((url) => url.origin === receiver.origin, { timeout: 8_000 });
  const landed = new URL(page.url());
  expect(landed.pathname).toBe('/too-late');
  expect(Object.fromEntries(landed.searchParams)).toEqual({
    cart: '7',
    reff_no: link.reff_no,
    status: 'expired',
  });
});
