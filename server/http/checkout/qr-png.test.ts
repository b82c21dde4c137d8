import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
import { createLinkOk, expectFailure } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

let t: TestPaylink;
let merchant: Merchant;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
});
afterAll(() => t.close());

/** Reads the QR code in a PNG the way a phone's scanner would. */
function scan(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

async function fetchPng(path: string) {
  const response = await t.app.request(path);
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

// SPEC §7: the QRIS code is downloadable as PNG, to pay from the same phone.
describe('GET /b2b/{id}/payments/{reff}/qr.png', () => {
  it('is a PNG attachment that scans back to exactly the payment’s qr_string', async () => {
    const link = await createLinkOk(t, merchant, { total_amount: 123_456 });
    const publicId = publicIdOf(link);
    const payment = (await startPayment(t, publicId, { method: 'QRIS' })).body.data;
    const { response, bytes } = await fetchPng(
      `/b2b/${publicId}/payments/${payment.reff_no}/qr.png`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="QRIS-${payment.reff_no}.png"`,
    );
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(scan(bytes)).toBe(payment.qr_string);
  });

  it('draws each payment’s own code', async () => {
    const link = await createLinkOk(t, merchant, { max_usage: 2 });
    const publicId = publicIdOf(link);
    const first = (await startPayment(t, publicId, { method: 'QRIS' })).body.data;
    const second = (await startPayment(t, publicId, { method: 'QRIS' })).body.data;
    const png = await fetchPng(`/b2b/${publicId}/payments/${second.reff_no}/qr.png`);
    expect(scan(png.bytes)).toBe(second.qr_string);
    expect(scan(png.bytes)).not.toBe(first.qr_string);
  });

  it('404 for a VA payment, which has no QR code', async () => {
    const link = await createLinkOk(t, merchant);
    const publicId = publicIdOf(link);
    const payment = (await startPayment(t, publicId, { method: 'VA_BRI' })).body.data;
    const { response, bytes } = await fetchPng(
      `/b2b/${publicId}/payments/${payment.reff_no}/qr.png`,
    );
    const body = JSON.parse(bytes.toString('utf8'));
    expectFailure({ status: response.status, body }, 404, 'PAYMENT_NOT_FOUND');
  });

  it('404 for a QRIS payment asked for under another link', async () => {
    const link = await createLinkOk(t, merchant);
    const other = await createLinkOk(t, merchant);
    const payment = (await startPayment(t, publicIdOf(link), { method: 'QRIS' })).body.data;
    const { response } = await fetchPng(
      `/b2b/${publicIdOf(other)}/payments/${payment.reff_no}/qr.png`,
    );
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).not.toBe('image/png');
  });

  it('404 for an unknown payment', async () => {
    const link = await createLinkOk(t, merchant);
    const { response } = await fetchPng(`/b2b/${publicIdOf(link)}/payments/PYNOPE/qr.png`);
    expect(response.status).toBe(404);
  });
});
