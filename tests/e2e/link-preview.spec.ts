import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { createLink, linkPath, startPaymentByApi } from './support/paylink.ts';

/** The page's preview tags (Open Graph `property`, Twitter `name`) as one object. */
function previewTags(page: Page): Promise<Record<string, string>> {
  return page
    .locator('meta[property^="og:"], meta[name^="twitter:"]')
    .evaluateAll((metas) =>
      Object.fromEntries(
        metas.map((meta) => [
          meta.getAttribute('property') ?? meta.getAttribute('name') ?? '',
          meta.getAttribute('content') ?? '',
        ]),
      ),
    );
}

// SPEC §7: chat apps show a preview of a link page; the unknown-link page reveals nothing.
test('a link page and its payment view carry Open Graph and Twitter tags', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Kue lapis', total_amount: 177300 });
  const payment = await startPaymentByApi(request, link, 'QRIS');
  for (const path of [linkPath(link), `${linkPath(link)}/payments/${payment.reff_no}`]) {
    await page.goto(path);
    expect(await previewTags(page), path).toEqual({
      'og:type': 'website',
      'og:title': 'Kue lapis',
      'og:description': `Pembayaran ke ${merchant.name}: Rp 177.300`,
      'og:site_name': merchant.name,
      'og:locale': 'id_ID',
      'twitter:card': 'summary',
      'twitter:title': 'Kue lapis',
      'twitter:description': `Pembayaran ke ${merchant.name}: Rp 177.300`,
    });
  }
  await page.goto(`${linkPath(link)}?lang=en`);
  expect((await previewTags(page))['og:description']).toBe(
    `Payment to ${merchant.name}: Rp 177.300`,
  );
});

test('every page says noindex; the unknown-link page has no preview', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Kopi', total_amount: 20000 });
  const unknown = `/b2b/PL20260101000000${'0'.repeat(32)}`;
  for (const path of ['/', linkPath(link), unknown, '/sandbox', '/docs/api']) {
    await page.goto(path);
    await expect(page.locator('meta[name="robots"]'), path).toHaveAttribute('content', 'noindex');
  }
  await page.goto(unknown);
  expect(await previewTags(page)).toEqual({});
});
