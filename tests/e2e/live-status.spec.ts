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
  // The server's own GET /b2b/{id}/events: one stream, told of the payment as it commits.
  const streams: string[] = [];
  page.on('request', (sent) => {
    if (sent.url().includes('/events')) streams.push(sent.url());
  });
  const polls: string[] = [];
  page.on('request', (sentRequest) => {
    if (sentRequest.url().includes('/status?')) polls.push(sentRequest.url());
  });

  await page.goto(path);
  await expect.poll(() => streams.length, 'the stream was opened').toBeGreaterThan(0);
  await expect(page.getByText('Menunggu pembayaran', { exact: true })).toBeVisible();
  const paid = await payVaInSandbox(request, {
    bank: 'BRI',
    va_number: await readVaNumber(page),
    amount: 35000,
  });
  expect(paid.status()).toBe(200);
  const startedAt = Date.now();
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible({
    timeout: 3_000,
  });
  expect(polls, 'no polling while the stream delivers').toEqual([]);
  // Paid → receipt on screen, reload included: well under the old 1.5 s poll interval.
  expect(Date.now() - startedAt).toBeLessThan(1_500);
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
