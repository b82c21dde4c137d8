import { expect, type Page } from '@playwright/test';

export type Lang = 'id' | 'en';

/** A customer with valid details (SPEC §7: an Indonesian mobile number). */
export const CUSTOMER = {
  name: 'Siti Rahmawati',
  email: 'siti@example.com',
  phone: '081234567890',
};

const LABELS = {
  id: { name: 'Nama lengkap', email: 'Email', phone: 'Nomor HP', pay: 'Bayar' },
  en: { name: 'Full name', email: 'Email', phone: 'Mobile number', pay: 'Pay' },
} as const;

/** Types the customer details into the pay form, as a customer would. */
export async function fillCustomerDetails(
  page: Page,
  customer: Partial<typeof CUSTOMER> = CUSTOMER,
  lang: Lang = 'id',
): Promise<void> {
  const labels = LABELS[lang];
  if (customer.name !== undefined)
    await page.getByRole('textbox', { name: labels.name }).fill(customer.name);
  if (customer.email !== undefined)
    await page.getByRole('textbox', { name: labels.email }).fill(customer.email);
  if (customer.phone !== undefined)
    await page.getByRole('textbox', { name: labels.phone }).fill(customer.phone);
}

/** Picks a method by its tile's one name (`QRIS`, `BRI`, `CIMB Niaga`) and presses Pay. */
export async function payWith(
  page: Page,
  method: string,
  amountLabel: string,
  lang: Lang = 'id',
): Promise<void> {
  await page.getByRole('radio', { name: method, exact: true }).check();
  await page
    .getByRole('button', { name: `${LABELS[lang].pay} ${amountLabel}`, exact: true })
    .click();
}

/** The payment reference in the address of a payment view (`/b2b/{id}/payments/{reff}`). */
export async function waitForPaymentView(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/b2b\/PL\w+\/payments\/[^/?]+$/);
  return new URL(page.url()).pathname.split('/').at(-1) ?? '';
}

/** The VA number as the page shows it, without the grouping spaces. */
export async function readVaNumber(page: Page): Promise<string> {
  const shown = await page.locator('#va-number').innerText();
  return shown.replace(/\s/g, '');
}
