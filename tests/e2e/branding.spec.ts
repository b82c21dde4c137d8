import type { APIRequestContext } from '@playwright/test';
import { PNG } from 'pngjs';
import { expectNoAxeViolations } from './support/axe.ts';
import { expect, test } from './support/fixtures.ts';
import {
  createLink,
  E2E_ADMIN_TOKEN,
  type E2eMerchant,
  linkPath,
  startPaymentByApi,
} from './support/paylink.ts';

// SPEC §7, §9 "Branding", in a real browser: the merchant's logo from our own origin at most
// 48 px high, named by its alt text; the brand colour on the pay button only when white text
// on it is readable (≥ 4.5:1), the default blue otherwise; and the VA holder name.

const DEFAULT_BUTTON = 'rgb(11, 87, 208)'; // --brand, #0b57d0

/** A wide logo, 480 × 120, as a PNG data URL. */
function wideLogo(): string {
  const png = new PNG({ width: 480, height: 120 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([122, 62, 18, 255], i);
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

async function brand(request: APIRequestContext, merchant: E2eMerchant, body: object) {
  const response = await request.patch(`/api/admin/accounts/${merchant.accountId}`, {
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
    data: body,
  });
  expect(response.status()).toBe(200);
}

test('a readable brand colour on the pay button, the logo on top, nothing wider than 320 px', async ({
  page,
  request,
  merchant,
}) => {
  await brand(request, merchant, {
    display_name: 'Kopi Senja',
    logo: wideLogo(),
    brand_color: '#7a3e12',
  });
  const link = await createLink(request, merchant, { title: 'Kopi susu', total_amount: 20_000 });
  await page.setViewportSize({ width: 320, height: 740 });
  await page.goto(linkPath(link));

  const logo = page.getByRole('img', { name: 'Kopi Senja' });
  await expect(logo).toBeVisible();
  const box = await logo.boundingBox();
  expect(box?.height).toBeLessThanOrEqual(48);
  expect(box?.height).toBeGreaterThan(0);
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  expect(new URL(await logo.evaluate((img: HTMLImageElement) => img.src)).origin).toBe(
    new URL(page.url()).origin,
  );

  const pay = page.getByRole('button', { name: /^Bayar/ });
  await expect(pay).toHaveCSS('background-color', 'rgb(122, 62, 18)');
  await expect(pay).toHaveCSS('color', 'rgb(255, 255, 255)');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page, 'branded link page');
});

test('a colour too light for white text leaves the default blue', async ({
  page,
  request,
  merchant,
}) => {
  await brand(request, merchant, { brand_color: '#ffcc00' });
  const link = await createLink(request, merchant, { title: 'Kopi susu', total_amount: 20_000 });
  await page.goto(linkPath(link));
  await expect(page.getByRole('button', { name: /^Bayar/ })).toHaveCSS(
    'background-color',
    DEFAULT_BUTTON,
  );
});

test('the VA view names the holder the bank shows', async ({ page, request, merchant }) => {
  await brand(request, merchant, { display_name: 'Kopi Senja' });
  const link = await createLink(request, merchant, { title: 'Kopi susu', total_amount: 20_000 });
  const payment = await startPaymentByApi(request, link, 'VA_BRI');
  await page.goto(`${linkPath(link)}/payments/${payment.reff_no}?lang=en`);
  await expect(page.getByRole('definition')).toHaveText('KOPI SENJA');
  await expect(page.getByRole('term')).toHaveText('Recipient name');
  await expectNoAxeViolations(page, 'VA view with the holder name');
});
