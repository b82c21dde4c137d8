import { describe, expect, it } from 'vitest';
import { midtransAnswers } from '../../../tests/support/midtrans-answers.ts';
import { readChargeResponse } from './charge-response.ts';
import { type MidtransChannel, midtransChannelOf } from './midtrans-channels.ts';

const REFF = 'PY0123456789ABCDEFGH';
const TRANSACTION = 'be03df7d-2f97-4c8c-a53c-8959f1b67295';

function channel(code: string): MidtransChannel {
  const found = midtransChannelOf(code);
  if (!found) throw new Error(code);
  return found;
}

describe('readChargeResponse', () => {
  it.each([
    ['VA_BCA', midtransAnswers.bca, '812785002530231'],
    ['VA_BNI', midtransAnswers.bni, '9888500212345678'],
    ['VA_BRI', midtransAnswers.bri, '8578000000111111'],
    ['VA_CIMB', midtransAnswers.cimb, '2810490150230740'],
    ['VA_PERMATA', midtransAnswers.permata, '850003072869607'],
  ])('reads the %s number from the documented answer', (code, answer, number) => {
    expect(readChargeResponse(channel(code), answer(REFF), REFF)).toEqual({
      value: number,
      qrString: null,
      gatewayRef: TRANSACTION,
      details: null,
    });
  });

  it('takes the number of the bank asked for when several are listed', () => {
    const answer = {
      ...midtransAnswers.bni(REFF),
      va_numbers: [
        { bank: 'bca', va_number: '111' },
        { bank: 'BNI', va_number: '222' },
      ],
    };
    expect(readChargeResponse(channel('VA_BNI'), answer, REFF)?.value).toBe('222');
  });

  it('reads a Mandiri bill key with its biller code', () => {
    expect(readChargeResponse(channel('VA_MANDIRI'), midtransAnswers.mandiri(REFF), REFF)).toEqual({
      value: '778347787706',
      qrString: null,
      gatewayRef: TRANSACTION,
      details: { kind: 'bill', billerCode: '70012' },
    });
  });

  it('falls back to the QR image when the QRIS answer has no qr_string (current docs)', () => {
    expect(readChargeResponse(channel('QRIS'), midtransAnswers.qris(REFF), REFF)).toEqual({
      value: REFF,
      qrString: null,
      gatewayRef: '0d8178e1-c6c7-4ab4-81a6-893be9d924ab',
      details: {
        kind: 'qr-image',
        qrImageUrl: 'https://api.midtrans.com/v2/qris/0d8178e1-c6c7-4ab4-81a6-893be9d924ab/qr-code',
      },
    });
  });

  it('uses the QRIS text when given, without the image', () => {
    const answer = { ...midtransAnswers.qris(REFF), qr_string: '00020101021226620014COM.GO-JEK' };
    expect(readChargeResponse(channel('QRIS'), answer, REFF)).toMatchObject({
      qrString: '00020101021226620014COM.GO-JEK',
      details: null,
    });
  });

  it('reads GoPay deep link and QR image as returned', () => {
    const answer = midtransAnswers.gopay(REFF);
    expect(readChargeResponse(channel('GOPAY'), answer, REFF)).toEqual({
      value: REFF,
      qrString: null,
      gatewayRef: TRANSACTION,
      details: {
        kind: 'ewallet',
        deeplinkUrl: answer.actions[1]!.url,
        qrImageUrl: `https://api.midtrans.com/v2/gopay/${TRANSACTION}/qr-code`,
      },
    });
  });

  it('makes the ShopeePay deep link its QR text', () => {
    const answer = midtransAnswers.shopeepay(REFF);
    const deeplinkUrl = answer.actions[0]!.url;
    expect(readChargeResponse(channel('SHOPEEPAY'), answer, REFF)).toEqual({
      value: REFF,
      qrString: deeplinkUrl,
      gatewayRef: TRANSACTION,
      details: { kind: 'ewallet', deeplinkUrl, qrImageUrl: null },
    });
  });

  it.each([
    ['ALFAMART', midtransAnswers.alfamart, '010811223344', 'alfamart'],
    ['INDOMARET', midtransAnswers.indomaret, '25709650945026', 'indomaret'],
  ])('reads the %s payment code', (code, answer, paymentCode, store) => {
    expect(readChargeResponse(channel(code), answer(REFF), REFF)).toEqual({
      value: paymentCode,
      qrString: null,
      gatewayRef: TRANSACTION,
      details: { kind: 'store', store },
    });
  });

  it.each([
    ['VA_BCA', { ...midtransAnswers.bca(REFF), va_numbers: [] }],
    ['VA_BCA', { ...midtransAnswers.bca(REFF), transaction_id: '' }],
    ['VA_MANDIRI', { ...midtransAnswers.mandiri(REFF), biller_code: undefined }],
    ['QRIS', { ...midtransAnswers.qris(REFF), actions: [] }],
    ['GOPAY', { ...midtransAnswers.gopay(REFF), actions: [{ name: 'deeplink-redirect' }] }],
    [
      'SHOPEEPAY',
      {
        ...midtransAnswers.shopeepay(REFF),
        actions: [{ name: 'deeplink-redirect', url: 'javascript:alert(1)' }],
      },
    ],
    ['ALFAMART', { ...midtransAnswers.alfamart(REFF), payment_code: ' ' }],
    ['VA_BCA', midtransAnswers.bca('PY-another-order')],
    ['VA_BCA', { ...midtransAnswers.bca(REFF), transaction_status: 'deny' }],
    ['VA_BCA', 'not an object'],
  ])('finds no %s instrument in an answer that lacks it (case %#)', (code, answer) => {
    expect(readChargeResponse(channel(code), answer, REFF)).toBeNull();
  });

  it('shows no QR image from a non-web URL', () => {
    const answer = midtransAnswers.gopay(REFF);
    answer.actions[0]!.url = 'ftp://example.com/qr.png';
    expect(readChargeResponse(channel('GOPAY'), answer, REFF)?.details).toMatchObject({
      qrImageUrl: null,
    });
  });
});
