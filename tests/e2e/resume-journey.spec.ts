import type { Browser, Page } from '@playwright/test';
import { payWith, readVaNumber, waitForPaymentView } from './support/customer.ts';
import { expect, test } from './support/fixtures.ts';
import { createLink, type E2eLink, linkPath } from './support/paylink.ts';

// SPEC §7 "Reopening the link": while one of the customer's payments is pending, opening the
// link again in the same browser shows that payment first, never a blank form; another
// browser sees only the link (docs/decisions/023).

async function reopenShowsTheSameVa(page: Page, link: E2eLink) {
  await page.goto(linkPath(link));
  await payWith(page, 'BCA', 'Rp 75.000');
  const first = await waitForPaymentView(page);
  const vaNumber = await readVaNumber(page);

  // Gone to another site and back through the link (a chat message, the link mail).
  await page.goto('about:blank');
  await page.goto(linkPath(link));
  expect(await waitForPaymentView(page)).toBe(first);
  expect(await readVaNumber(page)).toBe(vaNumber);
  await expect(
    page.getByRole('heading', { name: 'Transfer ke Virtual Account Bank Central Asia' }),
  ).toBeVisible();
  await expect(page.getByRole('group', { name: 'Jumlah yang harus dibayar' })).toContainText(
    'Rp 75.000',
  );
  await expect(page.getByText('Bayar sebelum')).toBeVisible();
  return { first, vaNumber };
}

async function anotherBrowserSeesOnlyTheLink(browser: Browser, link: E2eLink, vaNumber: string) {
  const stranger = await browser.newContext({ locale: 'id-ID' });
  try {
    const page = await stranger.newPage();
    const response = await page.goto(linkPath(link));
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(linkPath(link));
    await expect(page.getByRole('button', { name: 'Bayar Rp 75.000' })).toBeVisible();
    await expect(page.locator('#va-number')).toHaveCount(0);
    expect(await page.content()).not.toContain(vaNumber);
  } finally {
    await stranger.close();
  }
}

async function chooseAnotherThenReopen(page: Page, link: E2eLink, first: string) {
  await page.getByRole('button', { name: 'Pilih metode lain' }).click();
  await expect(page).toHaveURL(linkPath(link));
  await expect(page.getByRole('button', { name: 'Bayar Rp 75.000' })).toBeVisible();
  // Opened again now, the link shows the methods: the given-up payment is not brought back.
  await page.goto(linkPath(link));
  await expect(page).toHaveURL(linkPath(link));
  await payWith(page, 'QRIS', 'Rp 75.000');
  const second = await waitForPaymentView(page);
  expect(second).not.toBe(first);
  await page.goto(linkPath(link));
  expect(await waitForPaymentView(page)).toBe(second);
  await expect(page.getByRole('heading', { name: 'Pindai kode QRIS' })).toBeVisible();
}

test('reopening the link shows the pending VA; another browser sees only the link', async ({
  page,
  browser,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Tas kanvas', total_amount: 75000 });
  const { first, vaNumber } = await reopenShowsTheSameVa(page, link);
  await anotherBrowserSeesOnlyTheLink(browser, link, vaNumber);
  await chooseAnotherThenReopen(page, link, first);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('reopening the link shows the pending VA; another browser sees only the link', async ({
    page,
    browser,
    request,
    merchant,
  }) => {
    const link = await createLink(request, merchant, { title: 'Tas kanvas', total_amount: 75000 });
    const { first, vaNumber } = await reopenShowsTheSameVa(page, link);
    await anotherBrowserSeesOnlyTheLink(browser, link, vaNumber);
    await chooseAnotherThenReopen(page, link, first);
  });
});
