import type { Page } from '@playwright/test';
import {
  fillCustomerDetails,
  payWith,
  readVaNumber,
  waitForPaymentView,
} from './support/customer.ts';
import { expect, test } from './support/fixtures.ts';
import {
  createLink,
  E2E_BASE_URL,
  linkPath,
  payVaInSandbox,
  startPaymentByApi,
} from './support/paylink.ts';

const VA_METHODS = ['BCA', 'BNI', 'BRI', 'MANDIRI', 'PERMATA', 'CIMB', 'DANAMON', 'MAYBANK', 'BSI'];

/** The directives of a Content-Security-Policy header, by name. */
function directivesOf(header: string | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return directives;
}

/** SPEC §7: mobile first — nothing wider than a 360 px phone. */
async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `page width of ${what}`).toBeLessThanOrEqual(360);
}

test('every page sends a strict Content-Security-Policy', async ({ request, merchant }) => {
  const link = await createLink(request, merchant, { title: 'CSP', total_amount: 20000 });
  const payment = await startPaymentByApi(request, link, 'QRIS');
  const pages = {
    link: linkPath(link),
    payment: `${linkPath(link)}/payments/${payment.reff_no}`,
    notFound: `/b2b/PL20260101000000${'f'.repeat(32)}`,
  };
  for (const [name, path] of Object.entries(pages)) {
    const response = await request.get(path);
    expect(response.headers()['content-type'], name).toContain('text/html');
    const csp = directivesOf(response.headers()['content-security-policy']);
    expect(csp.get('default-src'), name).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors'), name).toEqual(["'none'"]);
    const scripts = csp.get('script-src') ?? [];
    expect(scripts, name).toContain("'self'");
    expect(scripts, name).not.toContain("'unsafe-inline'");
    expect(scripts, name).not.toContain("'unsafe-eval'");
    // Only our origin and exact hashes: no host, scheme or wildcard sources.
    for (const source of scripts) expect(source, name).toMatch(/^'(self|sha256-[\w+/=]+)'$/);
    expect(csp.get('style-src') ?? [], name).not.toContain("'unsafe-inline'");
    expect(response.headers()['x-content-type-options'], name).toBe('nosniff');
    expect(response.headers()['cross-origin-resource-policy'], name).toBe('same-origin');
  }
  // The page's own script files: no other site may load them either.
  const html = await (await request.get(pages.link)).text();
  const script = /<script[^>]+src="(\/_astro\/[^"]+)"/.exec(html)?.[1] ?? '';
  const asset = await request.get(script);
  expect(asset.status()).toBe(200);
  expect(asset.headers()['cross-origin-resource-policy']).toBe('same-origin');
});

// SPEC §9: the CSRF check knows one origin, PUBLIC_BASE_URL's (here http://127.0.0.1:PORT).
// The same server reached under another name (DNS rebinding makes that an attacker's name,
// and the browser then sends that name as Host and as Origin) cannot start a payment.
test('a page reached under another host name cannot post; the public origin can', async ({
  page,
  request,
  merchant,
  browserGuard,
}) => {
  const link = await createLink(request, merchant, { title: 'Nama lain', total_amount: 20000 });
  const otherName = E2E_BASE_URL.replace('127.0.0.1', 'localhost');
  browserGuard.allowOrigin(otherName);
  await page.goto(`${otherName}${linkPath(link)}`);
  const [refused] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST'),
    payWith(page, 'QRIS', 'Rp 20.000'),
  ]);
  expect(refused.status()).toBe(403);

  await page.goto(linkPath(link));
  await payWith(page, 'QRIS', 'Rp 20.000');
  await waitForPaymentView(page);
});

test('a whole VA payment stays on our origin, logs no errors and fits a 360 px screen', async ({
  page,
  request,
  merchant,
  browserGuard,
}) => {
  const link = await createLink(request, merchant, {
    title: 'Paket internet bulanan',
    items: [
      { name: 'Kuota 50 GB', quantity: 1, unit_price: 120000 },
      { name: 'Diskon pelanggan setia', quantity: 1, unit_price: -20000 },
    ],
    required_customer_detail: true,
    expired_at: Date.now() + 2 * 24 * 60 * 60 * 1000,
  });
  await page.goto(linkPath(link));
  await expectNoHorizontalScroll(page, 'the link page');
  await page.getByRole('button', { name: 'Bayar Rp 100.000' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoHorizontalScroll(page, 'the form with errors');

  await fillCustomerDetails(page);
  await payWith(page, 'CIMB Niaga', 'Rp 100.000');
  await waitForPaymentView(page);
  await expect(page.getByRole('region', { name: 'Cara membayar' })).toBeVisible();
  await expectNoHorizontalScroll(page, 'the VA payment page');
  const vaNumber = await readVaNumber(page);
  const paid = await payVaInSandbox(request, { bank: 'CIMB', va_number: vaNumber, amount: 100000 });
  expect(paid.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible();
  await expectNoHorizontalScroll(page, 'the receipt');

  await page.goto(`/b2b/PL20260101000000${'a'.repeat(32)}`);
  await expectNoHorizontalScroll(page, 'the 404 page');

  // The guard fixture fails the test on any console error (CSP violations included) or
  // request elsewhere; here the path is also checked by hand, so the guard is seen working.
  expect(browserGuard.requests.length).toBeGreaterThan(10);
  for (const url of browserGuard.requests) expect(url.startsWith(`${E2E_BASE_URL}/`)).toBe(true);
});

test('every bank’s VA number and the QRIS code fit a 360 px screen', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, {
    title: 'Pembayaran dengan judul yang cukup panjang untuk dipotong di layar ponsel kecil',
    total_amount: 9_999_999,
    max_usage: 20,
  });
  for (const bank of [...VA_METHODS.map((code) => `VA_${code}`), 'QRIS']) {
    const payment = await startPaymentByApi(request, link, bank);
    await page.goto(`${linkPath(link)}/payments/${payment.reff_no}`);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expectNoHorizontalScroll(page, bank);
  }
});

test('long unbroken words in a title or item do not widen the page', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, {
    title: `INV-${'X'.repeat(120)}`,
    description: `https://example.com/${'a'.repeat(200)}`,
    items: [{ name: 'Barang'.repeat(30), quantity: 3, unit_price: 333333 }],
  });
  await page.goto(linkPath(link));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoHorizontalScroll(page, 'a link with long words');
});
