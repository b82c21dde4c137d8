import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicIdOf } from '../../../tests/support/checkout-api.ts';
import {
  type FakeImageServer,
  startFakeImageServer,
} from '../../../tests/support/fake-image-server.ts';
import { storeGatewayPayment } from '../../../tests/support/gateway-payments.ts';
import { createLinkOk, expectFailure } from '../../../tests/support/link-api.ts';
import { createMerchant, type Merchant } from '../../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';
import type { InstrumentDetails } from '../../domain/connector/connector.ts';

let t: TestPaylink;
let merchant: Merchant;
let gateway: FakeImageServer;
let gatewayPng: Buffer;

const SHOPEEPAY_LINK = 'https://wsa.uat.wallet.airpay.co.id/universal-link/wallet/pay?token=abc';

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
  gatewayPng = await QRCode.toBuffer('00020101021226620014COM.GO-JEK.WWW', { type: 'png' });
  gateway = await startFakeImageServer({
    '/v2/qris/tx-1/qr-code': (_req, res) =>
      res.writeHead(200, { 'content-type': 'image/png' }).end(gatewayPng),
    '/v2/gopay/tx-2/qr-code': (_req, res) =>
      res.writeHead(200, { 'content-type': 'image/png' }).end(gatewayPng),
    '/v2/qris/tx-3/qr-code': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>'),
  });
});
afterAll(async () => {
  await gateway.close();
  await t.close();
});

async function qrPngOf(methodCode: string, instrument: InstrumentDetails, qrString?: string) {
  const publicId = publicIdOf(await createLinkOk(t, merchant));
  const payment = await storeGatewayPayment(t, publicId, {
    methodCode,
    instrument,
    qrString: qrString ?? null,
  });
  const response = await t.app.request(`/b2b/${publicId}/payments/${payment.reffNo}/qr.png`);
  return { response, bytes: Buffer.from(await response.arrayBuffer()), payment };
}

function scan(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

// SPEC §10: a gateway's QR image reaches the customer from our origin, never from the gateway.
describe('GET /b2b/{id}/payments/{reff}/qr.png for gateway payments', () => {
  it('QRIS with only an image: the gateway’s bytes, with the same headers as a drawn code', async () => {
    const { response, bytes, payment } = await qrPngOf('QRIS', {
      kind: 'qr-image',
      qrImageUrl: `${gateway.origin}/v2/qris/tx-1/qr-code`,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="QRIS-${payment.reffNo}.png"`,
    );
    expect(bytes.equals(gatewayPng)).toBe(true);
  });

  it('GoPay: the gateway’s QR image, named after the wallet', async () => {
    const { response, bytes, payment } = await qrPngOf('GOPAY', {
      kind: 'ewallet',
      deeplinkUrl: 'gojek://gopay/merchanttransfer?tref=X',
      qrImageUrl: `${gateway.origin}/v2/gopay/tx-2/qr-code`,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`GOPAY-${payment.reffNo}.png`);
    expect(bytes.equals(gatewayPng)).toBe(true);
  });

  it('ShopeePay: its deep link drawn as a code a phone camera opens', async () => {
    const { response, bytes } = await qrPngOf(
      'SHOPEEPAY',
      { kind: 'ewallet', deeplinkUrl: SHOPEEPAY_LINK, qrImageUrl: null },
      SHOPEEPAY_LINK,
    );
    expect(response.status).toBe(200);
    expect(scan(bytes)).toBe(SHOPEEPAY_LINK);
  });

  it('a gateway answering with something else than an image: 503 with Retry-After, not 500', async () => {
    const { response, bytes } = await qrPngOf('QRIS', {
      kind: 'qr-image',
      qrImageUrl: `${gateway.origin}/v2/qris/tx-3/qr-code`,
    });
    expectFailure(
      { status: response.status, body: JSON.parse(bytes.toString('utf8')) },
      503,
      'GATEWAY_UNAVAILABLE',
    );
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(response.headers.get('content-type')).not.toBe('image/png');
  });

  it('a gateway without the image: 404, as for a payment with no QR code', async () => {
    const { response, bytes } = await qrPngOf('QRIS', {
      kind: 'qr-image',
      qrImageUrl: `${gateway.origin}/v2/qris/no-such/qr-code`,
    });
    const body = JSON.parse(bytes.toString('utf8'));
    expectFailure({ status: response.status, body }, 404, 'PAYMENT_NOT_FOUND');
  });

  it('a wallet with neither text nor image, and a store code: 404', async () => {
    for (const [method, instrument] of [
      ['SHOPEEPAY', { kind: 'ewallet', deeplinkUrl: SHOPEEPAY_LINK, qrImageUrl: null }],
      ['ALFAMART', { kind: 'store', store: 'alfamart' }],
    ] as const) {
      const { response } = await qrPngOf(method, instrument);
      expect(response.status, method).toBe(404);
    }
  });
});
