import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expect } from 'vitest';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WIB_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** The fields every charge answer has (A.2 "Fields common to every charge response"). */
export function expectCommonFields(
  body: any,
  orderId: string,
  paymentType: string,
  grossAmount: string,
) {
  expect(body).toMatchObject({
    status_code: '201',
    order_id: orderId,
    merchant_id: 'G812785002',
    gross_amount: grossAmount,
    currency: 'IDR',
    payment_type: paymentType,
    transaction_status: 'pending',
    fraud_status: 'accept',
  });
  expect(body.transaction_id).toMatch(UUID);
  expect(body.transaction_time).toMatch(WIB_TIME);
  expect(body.expiry_time).toMatch(WIB_TIME);
}

/** Reads the QR code in a PNG the way a phone's scanner would. */
export function scanQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}
