import { expect, test } from './support/fixtures.ts';
import { isOnFirstScreen } from './support/layout.ts';
import { LONG_ORDER_TOTAL, createEveryState } from './support/states.ts';

// Issue 12 (3): who is paid, for what and how much are on the first screen of every state;
// on the pay form the method choice starts there too, and Pay is far less than 3 screens down.
test('a long order keeps the amount due and the method choice on the first screen', async ({
  page,
  request,
  merchant,
}) => {
  const { link } = await createEveryState(request, merchant);
  await page.goto(link);
  const screen = page.viewportSize()?.height ?? 0;
  for (const [what, locator] of [
    ['merchant', page.getByText(`Penjual: ${merchant.name}`)],
    ['title', page.getByRole('heading', { level: 1 })],
    ['amount due', page.getByText(LONG_ORDER_TOTAL, { exact: true }).first()],
    ['method heading', page.getByRole('heading', { name: 'Pilih metode pembayaran' })],
    ['first method', page.getByRole('radio').first()],
  ] as const)
    expect(await isOnFirstScreen(locator), `${what} on the first screen`).toBe(true);

  const pay = await page.getByRole('button', { name: `Bayar ${LONG_ORDER_TOTAL}` }).boundingBox();
  expect(pay?.y ?? Infinity, 'Pay within two screens').toBeLessThan(2 * screen);
  // The five lines are one tap away, in a summary that says how many there are.
  const order = page.getByRole('region', { name: 'Rincian pesanan' });
  await expect(order.getByRole('listitem')).toHaveCount(0);
  await order.getByText('5 item').click();
  await expect(order.getByRole('listitem')).toHaveCount(5);
});

test('every other state shows the merchant, the title and the amount on the first screen', async ({
  page,
  request,
  merchant,
}) => {
  const states = await createEveryState(request, merchant);
  for (const [state, amount] of [
    ['va', LONG_ORDER_TOTAL],
    ['qris', LONG_ORDER_TOTAL],
    ['receipt', 'Rp 250.000'],
    ['expired', 'Rp 30.000'],
    ['closed', 'Rp 75.000'],
  ] as const) {
    await page.goto(states[state]);
    const heading = page.getByRole('heading', { level: 1 });
    expect(await isOnFirstScreen(heading), `${state}: title`).toBe(true);
    const merchantName = page.getByText(`Penjual: ${merchant.name}`);
    expect(await isOnFirstScreen(merchantName), `${state}: merchant`).toBe(true);
    const total = page.getByText(amount, { exact: true }).first();
    expect(await isOnFirstScreen(total), `${state}: ${amount} on the first screen`).toBe(true);
  }
});

// Issue 12 (7): on a phone, paying from this phone comes first; the QRIS frame's cues (the
// QRIS mark, merchant, NMID, amount) are above the fold.
test('QRIS on a phone: the familiar cues above the fold, paying on this phone first', async ({
  page,
  request,
  merchant,
}) => {
  const { qris } = await createEveryState(request, merchant);
  await page.goto(qris);
  const code = page.getByRole('region', { name: 'Pindai kode QRIS' });
  for (const [what, locator] of [
    ['QRIS mark', code.getByText('QRIS', { exact: true })],
    ['merchant', code.getByText(`Penerima: ${merchant.name}`)],
    ['NMID', code.getByText(/^NMID: ID\d{13}$/)],
    ['amount', code.getByText(LONG_ORDER_TOTAL, { exact: true })],
  ] as const)
    expect(await isOnFirstScreen(locator), `${what} above the fold`).toBe(true);

  const how = page.getByRole('region', { name: 'Cara membayar' }).getByRole('group');
  await expect(how.nth(0)).toContainText('Bayar dari ponsel ini');
  await expect(how.nth(0).getByRole('link', { name: 'Unduh kode QR' })).toBeVisible();
  await expect(how.nth(0).getByRole('listitem').first()).toBeVisible();
  await expect(how.nth(1)).toContainText('Pindai dari ponsel lain');
  await expect(how.nth(1).getByRole('listitem').first()).toBeHidden();
});

test.describe('QRIS on a computer', () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

  test('opens scanning from another phone instead', async ({ page, request, merchant }) => {
    const { qris } = await createEveryState(request, merchant);
    await page.goto(qris);
    const how = page.getByRole('region', { name: 'Cara membayar' }).getByRole('group');
    await expect(how.nth(1).getByRole('listitem').first()).toBeVisible();
    await expect(how.nth(0).getByRole('listitem').first()).toBeHidden();
  });
});
