import type { Route } from '@playwright/test';
import { readVaNumber } from './support/customer.ts';
import { expect, test } from './support/fixtures.ts';
import { createLink, linkPath, payVaInSandbox, startPaymentByApi } from './support/paylink.ts';

// SPEC §7: the page follows the link's event stream and polls only where it cannot have one.

test('a page with an event stream learns of the payment from it, without polling', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Topi', total_amount: 35000 });
  const payment = await startPaymentByApi(request, link, 'VA_BRI');
  const path = `${linkPath(link)}/payments/${payment.reff_no}`;
  // A stand-in for GET /b2b/{id}/events: each connection gets the current status at once and
  // ends, so the browser reconnects every 200 ms and hears of a change on the next one.
  let sent = 0;
  await page.route('**/events?*', async (route: Route) => {
    const status = await request.get(`${linkPath(link)}/status?payment=${payment.reff_no}`);
    sent += 1;
    await route.fulfill({
      contentType: 'text/event-stream',
      body: `retry: 200\n: heartbeat\n\nid: ${sent}\nevent: status\ndata: ${await status.text()}\n\n`,
    });
  });
  const polls: string[] = [];
  page.on('request', (sentRequest) => {
    if (sentRequest.url().includes('/status?')) polls.push(sentRequest.url());
  });

  await page.goto(path);
  await expect.poll(() => sent, 'the stream was opened (and reopened)').toBeGreaterThan(1);
  await expect(page.getByText('Menunggu pembayaran', { exact: true })).toBeVisible();
  const paid = await payVaInSandbox(request, {
    bank: 'BRI',
    va_number: await readVaNumber(page),
    amount: 35000,
  });
  expect(paid.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible({
    timeout: 3_000,
  });
  expect(polls, 'no polling while the stream delivers').toEqual([]);
});

test('a page whose stream stays silent falls back to polling', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Kaus kaki', total_amount: 15000 });
  // A buffering proxy: the stream is accepted and nothing ever comes through.
  await page.clock.install();
  await page.route('**/events', () => undefined);
  await page.goto(linkPath(link));
  await expect(page.getByRole('button', { name: 'Bayar Rp 15.000' })).toBeVisible();
  const poll = page.waitForRequest((sent) => sent.url().endsWith('/status'));
  // Nothing within 10 s of opening the stream; the first poll comes 1.5 s later.
  await page.clock.runFor(11_600);
  await poll;
});
