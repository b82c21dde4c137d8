import { payWith, waitForPaymentView } from './support/customer.ts';
import { expect, test } from './support/fixtures.ts';
import { createLink, linkPath } from './support/paylink.ts';

// Issue 12 (11): a compact method list at 360 px — grouped, two tiles a row, one name per
// method, each with its mark; a QRIS group of one QRIS option is one tile.
test('the methods are compact tiles, one name each, with a mark', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Sepatu', total_amount: 50000 });
  await page.goto(linkPath(link));
  const radios = page.getByRole('radio');
  const names = await radios.evaluateAll((inputs) =>
    inputs.map((input) => (input as HTMLInputElement).labels?.[0]?.innerText.trim()),
  );
  await expect(radios).toHaveCount(10);
  for (const [index, name] of [
    'QRIS',
    'BCA',
    'BNI',
    'BRI',
    'Mandiri',
    'Permata',
    'CIMB Niaga',
    'Danamon',
    'Maybank',
    'BSI',
  ].entries())
    await expect(radios.nth(index)).toHaveAccessibleName(name);
  expect(names.join(' | '), 'no bank named twice on its tile').not.toMatch(/Bank \w/);

  // One QRIS option is a tile of its own, not a "QRIS" group around a "QRIS" option.
  await expect(page.getByRole('group', { name: 'QRIS' })).toHaveCount(0);
  await expect(radios.first()).toHaveAccessibleDescription(/aplikasi m-banking atau e-wallet/);
  const banks = page.getByRole('group', { name: 'Virtual Account' });
  await expect(banks.getByRole('radio')).toHaveCount(9);

  // Two tiles a row on a 360 px phone: nine banks in five rows, not nine.
  const tops = await banks
    .getByRole('radio')
    .evaluateAll((inputs) => inputs.map((input) => Math.round(input.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(5);
  // Each tile has its mark (coloured initials or the QR glyph), drawn inline: no request.
  const marks = await radios.evaluateAll((inputs) =>
    inputs.map((input) => input.nextElementSibling?.querySelector('svg') !== null),
  );
  expect(marks).toEqual(marks.map(() => true));

  // The tile is the whole target, and the chosen one says so.
  await payWith(page, 'CIMB Niaga', 'Rp 50.000');
  await waitForPaymentView(page);
  await expect(
    page.getByRole('heading', { name: 'Transfer ke Virtual Account Bank CIMB Niaga' }),
  ).toBeVisible();
});
