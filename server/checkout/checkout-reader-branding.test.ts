import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patchAccount } from '../../tests/support/admin-api.ts';
import { publicIdOf, startPayment } from '../../tests/support/checkout-api.ts';
import { createLinkOk } from '../../tests/support/link-api.ts';
import { LOGO_FIXTURES, logoDataUrl } from '../../tests/support/logo-fixtures.ts';
import { createMerchant } from '../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';
import { createCheckoutReader } from './checkout-reader.ts';
import type { CheckoutReader } from './checkout-types.ts';
import { logoDisplaySize } from './merchant-identity-view.ts';

// SPEC §7, §9 "Branding": what the views get to show who is paid; SPEC §7 / issue 12: the VA
// view names the holder the bank will show.

let t: TestPaylink;
let reader: CheckoutReader;
beforeAll(async () => {
  t = await createTestPaylink();
  reader = createCheckoutReader(t.deps);
});
afterAll(() => t.close());

async function linkOf(account: Record<string, unknown>, link: object = {}) {
  const merchant = await createMerchant(t, account);
  const created = await createLinkOk(t, merchant, link);
  return { merchant, publicId: publicIdOf(created) };
}

describe('linkPage: the merchant’s identity', () => {
  it('the display name, the logo from our origin, the brand stylesheet and the contact', async () => {
    const { merchant, publicId } = await linkOf({
      name: 'PT Kopi Senja Nusantara',
      email: 'owner@kopisenja.id',
      phone: '08123993201',
      display_name: 'Kopi Senja',
      logo: logoDataUrl('image/png', LOGO_FIXTURES.png),
      brand_color: '#7a3e12',
      support_email: 'bantuan@kopisenja.id',
    });
    const view = await reader.linkPage(publicId);
    expect(view?.merchantName).toBe('Kopi Senja');
    expect(view?.merchant).toEqual({
      name: 'Kopi Senja',
      logo: {
        url: expect.stringMatching(
          new RegExp(`^/b2b/assets/logo/${merchant.accountId}/[0-9a-f]{32}\\.png$`),
        ),
        width: 3,
        height: 2,
      },
      brandStylesheet: expect.stringMatching(/^\/b2b\/assets\/brand\/7a3e12-[0-9a-f]{12}\.css$/),
      contact: {
        email: 'bantuan@kopisenja.id',
        phone: '08123993201',
        phoneHref: 'tel:+628123993201',
      },
    });
  });

  it('no logo and no stylesheet for an account without them, or with a light colour', async () => {
    const { publicId } = await linkOf({ name: 'Toko Kuning', brand_color: '#ffcc00' });
    const view = await reader.linkPage(publicId);
    expect(view?.merchant).toMatchObject({
      name: 'Toko Kuning',
      logo: null,
      brandStylesheet: null,
    });
  });

  it('shows a PATCH on the very next read', async () => {
    const { merchant, publicId } = await linkOf({ name: 'Toko Lama' });
    expect((await reader.linkPage(publicId))?.merchant.name).toBe('Toko Lama');
    await patchAccount(t, merchant.accountId, {
      display_name: 'Toko Baru',
      brand_color: '#1b5e20',
    });
    const view = await reader.linkPage(publicId);
    expect(view?.merchant.name).toBe('Toko Baru');
    expect(view?.merchant.brandStylesheet).toMatch(/\/1b5e20-/);
  });
});

describe('logoDisplaySize: at most 48 px high, never enlarged', () => {
  it.each([
    [
      { width: 3, height: 2 },
      { width: 3, height: 2 },
    ],
    [
      { width: 400, height: 100 },
      { width: 192, height: 48 },
    ],
    [
      { width: 100, height: 400 },
      { width: 12, height: 48 },
    ],
    [
      { width: 2048, height: 1 },
      { width: 2048, height: 1 },
    ],
    [
      { width: 1, height: 2048 },
      { width: 1, height: 48 },
    ],
  ])('%o → %o', (logo, size) => {
    expect(logoDisplaySize(logo)).toEqual(size);
  });
});

describe('paymentPage: the VA holder name', () => {
  it.each([
    ['VA_BRI', { name: 'PT Kopi Senja Nusantara', display_name: 'Kopi Senja' }, 'KOPI SENJA'],
    ['VA_BCA', { name: 'Warung Bu Tini' }, 'WARUNG BU TINI'],
    ['VA_PERMATA', { name: 'Perusahaan Dagang Sumber Rejeki' }, 'PERUSAHAAN DAGANG SU'],
  ])('%s of %o shows %j', async (method, account, holder) => {
    const { publicId } = await linkOf(account);
    const payment = (await startPayment(t, publicId, { method })).body.data;
    const view = await reader.paymentPage(publicId, payment.reff_no, 'en');
    expect(view?.payment.va?.holderName).toBe(holder);
  });

  it('none for a QRIS payment', async () => {
    const { publicId } = await linkOf({ name: 'Toko QR' });
    const payment = (await startPayment(t, publicId, { method: 'QRIS' })).body.data;
    expect((await reader.paymentPage(publicId, payment.reff_no, 'id'))?.payment.va).toBeNull();
  });
});
