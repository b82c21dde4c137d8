import type { Context } from 'hono';
import QRCode from 'qrcode';
import type { Payment } from '../../domain/payment/payment.ts';
import { failure } from '../../domain/shared/result.ts';
import { sendFailure } from '../respond.ts';
import type { GatewayQrImages } from './gateway-qr-image.ts';

export const NO_QR_CODE = failure('PAYMENT_NOT_FOUND', 'No such QR code.');

const GATEWAY_SLOW = failure(
  'GATEWAY_UNAVAILABLE',
  'The QR code could not be fetched from the payment gateway just now. Try again shortly.',
);

/** The gateway's image of the code, when it gave no text to draw (SPEC §10). */
function gatewayImageUrl(payment: Payment): string | null {
  const instrument = payment.instrument;
  if (instrument?.kind === 'qr-image') return instrument.qrImageUrl;
  if (instrument?.kind === 'ewallet') return instrument.qrImageUrl;
  return null;
}

/**
 * SPEC §7: a payment's QR code as an image, to save and upload from the same phone, and the
 * e-wallet QR a wide screen shows. Drawn from the payment's text when it has one; else the
 * gateway's own image, fetched by the server. A gateway that fails is a 503 with Retry-After,
 * never a 500.
 */
export async function sendQrPng(
  c: Context,
  payment: Payment,
  images: GatewayQrImages,
): Promise<Response> {
  const name = payment.instrument?.kind === 'ewallet' ? payment.methodCode : 'QRIS';
  const headers = (type: string, extension: string) => ({
    'content-type': type,
    'content-disposition': `attachment; filename="${name}-${payment.reffNo}.${extension}"`,
    'cache-control': 'private, max-age=3600',
  });
  if (payment.qrString) {
    const png = await QRCode.toBuffer(payment.qrString, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 4,
      scale: 10,
    });
    return c.body(new Uint8Array(png), 200, headers('image/png', 'png'));
  }
  const url = gatewayImageUrl(payment);
  if (!url) return sendFailure(c, NO_QR_CODE);
  const loaded = await images.load(payment.reffNo, url);
  if (!loaded.ok) return sendFailure(c, loaded.reason === 'missing' ? NO_QR_CODE : GATEWAY_SLOW);
  const { bytes, contentType } = loaded.image;
  return c.body(bytes, 200, headers(contentType, contentType === 'image/png' ? 'png' : 'jpg'));
}
