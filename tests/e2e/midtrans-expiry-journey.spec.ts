import type { Page } from '@playwright/test';
import { payWith, waitForPaymentView } from './support/customer.ts';
import { emulatorOrder } from './support/emulator.ts';
import { expect, test } from './support/fixtures.ts';
import { createLink, linkPath } from './support/paylink.ts';

// SPEC §2 and §10: a payment never outlives its link, and the gateway's order expires when the
// page says the time to pay is up (never after it: money taken after that would be refused).

const MINUTE = 60_000;

/** The deadline the payment view shows under "Bayar sebelum", as epoch ms. */
async function shownDeadline(page: Page): Promise<number> {
  const when = page.getByRole('paragraph').filter({ hasText: 'Bayar sebelum' }).locator('time');
  return Date.parse((await when.getAttribute('datetime')) ?? '');
}

/** The gateway's order ends at the shown deadline, or at most 2 s before it (whole seconds). */
async function expectGatewayExpiryAt(orderId: string, deadline: number): Promise<void> {
  const { expiryTime } = await emulatorOrder(orderId);
  expect(deadline - expiryTime).toBeGreaterThanOrEqual(0);
  expect(deadline - expiryTime).toBeLessThan(2_000);
}

test('a VA under a link that ends in 40 minutes is due when the link ends, at Midtrans too', async ({
  page,
  request,
  merchant,
}) => {
  // Whole seconds, as the page writes times.
  const linkEnds = Math.floor(Date.now() / 1000) * 1000 + 40 * MINUTE;
  const link = await createLink(request, merchant, {
    title: 'Tiket konser',
    total_amount: 150000,
    expired_at: linkEnds,
  });
  await page.goto(linkPath(link));
  await payWith(page, 'Permata', 'Rp 150.000');
  const paymentReff = await waitForPaymentView(page);

  // Not the VA's own 24 hours: the link's end, and the page says it is near.
  expect(await shownDeadline(page)).toBe(linkEnds);
  await expect(page.getByRole('timer')).toHaveText(/^(39|40):[0-5]\d$/);
  await expectGatewayExpiryAt(paymentReff, linkEnds);
});

test('a QRIS from Midtrans is due in its own 15 minutes, at Midtrans too', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Parkir', total_amount: 5000 });
  await page.goto(linkPath(link));
  const startedAt = Date.now();
  await payWith(page, 'QRIS', 'Rp 5.000');
  const paymentReff = await waitForPaymentView(page);

  const deadline = await shownDeadline(page);
  expect(deadline - startedAt).toBeGreaterThan(15 * MINUTE - 2_000);
  expect(deadline - Date.now()).toBeLessThanOrEqual(15 * MINUTE);
  await expect(page.getByRole('timer')).toHaveText(/^1[45]:[0-5]\d$/);
  await expectGatewayExpiryAt(paymentReff, deadline);
});
