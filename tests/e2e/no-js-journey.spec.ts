import {
  CUSTOMER,
  fillCustomerDetails,
  payWith,
  readVaNumber,
  waitForPaymentView,
} from './support/customer.ts';
import { expect, test } from './support/fixtures.ts';
import { createLink, linkPath, listPayments, payVaInSandbox } from './support/paylink.ts';

// SPEC §7: without JavaScript the page still works, through form posts and refresh.
test.use({ javaScriptEnabled: false });

test('without JavaScript a customer corrects the form, pays a VA and sees the receipt', async ({
  page,
  request,
  merchant,
  receiver,
}) => {
  const link = await createLink(request, merchant, {
    title: 'Buku resep',
    total_amount: 50000,
    required_customer_detail: true,
    redirect_url: `${receiver.origin}/thanks`,
  });
  await page.goto(linkPath(link));
  await fillCustomerDetails(page, { name: CUSTOMER.name, email: CUSTOMER.email });
  const [refused] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST'),
    payWith(page, 'BRI', 'Rp 50.000'),
  ]);

  // The server checks again and shows the form with what is wrong and what was typed.
  expect(refused.status()).toBe(422);
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Periksa lagi isian berikut:');
  await expect(summary.getByRole('link', { name: 'Masukkan nomor HP Anda.' })).toHaveAttribute(
    'href',
    '#customer_phone',
  );
  await expect(page.getByRole('textbox', { name: 'Nama lengkap' })).toHaveValue(CUSTOMER.name);
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue(CUSTOMER.email);
  const phone = page.getByRole('textbox', { name: 'Nomor HP' });
  await expect(phone).toHaveValue('');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription(/Masukkan nomor HP Anda\./);
  await expect(page.getByRole('radio', { name: 'BRI' })).toBeChecked();
  expect(await listPayments(request, merchant, link), 'a refused post creates nothing').toEqual([]);

  // A number that is not Indonesian is refused too, with its own message.
  await phone.fill('+4915112345678');
  await page.getByRole('button', { name: 'Bayar Rp 50.000' }).click();
  await expect(summary.getByRole('link')).toHaveText([
    'Masukkan nomor HP Indonesia yang diawali 08, 628, atau +628.',
  ]);

  await phone.fill(CUSTOMER.phone);
  await page.getByRole('button', { name: 'Bayar Rp 50.000' }).click();
  await expect(
    page.getByRole('heading', { name: 'Transfer ke Virtual Account Bank Rakyat Indonesia' }),
  ).toBeVisible();
  // Copying needs JavaScript, so the button stays hidden; the number can be selected by hand.
  await expect(page.getByRole('button', { name: 'Salin nomor Virtual Account' })).toBeHidden();
  const vaNumber = await readVaNumber(page);

  const paid = await payVaInSandbox(request, { bank: 'BRI', va_number: vaNumber, amount: 50000 });
  expect(paid.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeHidden();
  await page.getByRole('link', { name: 'Perbarui status' }).click();
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Rp 50.000' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'VA BRI' })).toBeVisible();

  // The return to the merchant needs no script either: a refresh after the countdown.
  const paymentReff = new URL(page.url()).pathname.split('/').at(-1);
  await expect(page.getByRole('link', { name: `Kembali ke ${merchant.name}` })).toBeVisible();
  await page.waitForURL((url) => url.origin === receiver.origin, { timeout: 8_000 });
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
    reff_no: link.reff_no,
    status: 'paid',
    payment_id: paymentReff,
  });
});

test('without JavaScript a waiting page refreshes itself and the sandbox button pays', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, { title: 'Donasi', total_amount: 25000 });
  await page.goto(linkPath(link));
  await payWith(page, 'QRIS', 'Rp 25.000');
  await expect(page.getByRole('heading', { name: 'Pindai kode QRIS' })).toBeVisible();
  // The QR is drawn on the server, so it is there without JavaScript.
  await expect(
    page.getByRole('img', { name: /^Kode QRIS untuk membayar Rp 25\.000/ }),
  ).toBeVisible();
  // Every 15 s, as a reload that watched the payment (docs/decisions/023).
  const paymentPath = new URL(page.url()).pathname;
  await expect(page.locator('noscript meta[http-equiv="refresh"]')).toHaveAttribute(
    'content',
    `15;url=${paymentPath}?live=1`,
  );

  await page.getByRole('button', { name: 'Simulasikan pembayaran' }).click();
  await expect(page.getByRole('heading', { name: 'Pembayaran berhasil' })).toBeVisible();
});

// docs/decisions/023: a refused post keeps its 4xx, and the browser goes on to the link page at
// the error summary: on screen at once, and a reload reads the page instead of posting again.
test('without JavaScript an empty submit shows the errors on screen; a reload does not post', async ({
  page,
  request,
  merchant,
}) => {
  const link = await createLink(request, merchant, {
    title: 'Buku resep',
    total_amount: 50000,
    required_customer_detail: true,
  });
  await page.goto(linkPath(link));
  const posts: string[] = [];
  page.on('request', (sent) => {
    if (sent.method() === 'POST') posts.push(sent.url());
  });
  const [refused] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST'),
    page.getByRole('button', { name: 'Bayar Rp 50.000' }).click(),
  ]);
  expect(refused.status()).toBe(422);
  await expect(page).toHaveURL(`${linkPath(link)}#errors`);
  const summary = page.getByRole('alert');
  await expect(summary).toBeInViewport();
  // In the form's order: the method tiles come first.
  await expect(summary.getByRole('link')).toHaveText([
    'Pilih salah satu metode pembayaran.',
    'Masukkan nama Anda.',
    'Masukkan alamat email Anda.',
    'Masukkan nomor HP Anda.',
  ]);
  expect(posts).toHaveLength(1);

  await page.reload();
  await expect(page).toHaveURL(`${linkPath(link)}#errors`);
  await expect(summary).toBeVisible();
  expect(posts, 'a reload asks for the page, it does not post the form again').toHaveLength(1);

  // What was typed comes back with the errors; the fixed form then starts the payment.
  await fillCustomerDetails(page, { name: CUSTOMER.name, email: 'not-an-email' });
  await payWith(page, 'BRI', 'Rp 50.000');
  await expect(page).toHaveURL(`${linkPath(link)}#errors`);
  await expect(page.getByRole('textbox', { name: 'Nama lengkap' })).toHaveValue(CUSTOMER.name);
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue('not-an-email');
  await expect(page.getByRole('radio', { name: 'BRI' })).toBeChecked();
  await expect(summary.getByRole('link')).toHaveText([
    'Masukkan alamat email yang benar, misalnya nama@contoh.com.',
    'Masukkan nomor HP Anda.',
  ]);
  await fillCustomerDetails(page, CUSTOMER);
  await payWith(page, 'BRI', 'Rp 50.000');
  await waitForPaymentView(page);
});
