import { describe, expect, it } from 'vitest';
import { verifyNotification } from './notification.ts';

const SERVER_KEY = 'SB-Mid-server-abc123cde456';

/**
 * Computed outside this code:
 * printf '%s' 'PY0123456789ABCDEFGH20044000.00SB-Mid-server-abc123cde456' | openssl dgst -sha512
 */
const SIGNATURE =
  '5ced6e82aa059a0d34ce0733311491150e61215613f03d41fded223b4bbfbf3f' +
  '6a9d0a0717ac53e6cc5bc7943ae9eebde1421f9bddfdf973da2366dda485dbbd';

/** A settlement notification shaped like the documented one (reference D.1). */
const notification = {
  va_numbers: [{ va_number: '812785002530231', bank: 'bca' }],
  transaction_time: '2026-12-07 18:27:20',
  transaction_status: 'settlement',
  transaction_id: 'be03df7d-2f97-4c8c-a53c-8959f1b67295',
  status_message: 'midtrans payment notification',
  status_code: '200',
  signature_key: SIGNATURE,
  settlement_time: '2026-12-07 18:27:50',
  payment_type: 'bank_transfer',
  payment_amounts: [],
  order_id: 'PY0123456789ABCDEFGH',
  merchant_id: 'G812785002',
  gross_amount: '44000.00',
  fraud_status: 'accept',
  currency: 'IDR',
};

describe('verifyNotification', () => {
  it('believes a notification signed with our server key', () => {
    expect(verifyNotification(notification, SERVER_KEY)).toEqual({
      ok: true,
      orderId: 'PY0123456789ABCDEFGH',
    });
  });

  it.each([
    ['another server key', notification, 'SB-Mid-server-other'],
    ['a changed amount', { ...notification, gross_amount: '44000' }, SERVER_KEY],
    ['a changed status code', { ...notification, status_code: '201' }, SERVER_KEY],
    ['another order', { ...notification, order_id: 'PY0123456789ABCDEFGJ' }, SERVER_KEY],
    ['upper-case hex', { ...notification, signature_key: SIGNATURE.toUpperCase() }, SERVER_KEY],
    ['a cut signature', { ...notification, signature_key: SIGNATURE.slice(0, 64) }, SERVER_KEY],
    ['a non-ASCII signature', { ...notification, signature_key: 'é'.repeat(64) }, SERVER_KEY],
    ['an empty server key', notification, ''],
  ])('does not believe %s', (_name, body, key) => {
    expect(verifyNotification(body, key)).toEqual({ ok: false, reason: 'unverified' });
  });

  it.each([
    ['no body', undefined],
    ['an array', [notification]],
    ['a number for the amount', { ...notification, gross_amount: 44000 }],
    ['no signature', { ...notification, signature_key: undefined }],
    ['an empty order id', { ...notification, order_id: '' }],
  ])('calls %s malformed', (_name, body) => {
    expect(verifyNotification(body, SERVER_KEY)).toEqual({ ok: false, reason: 'malformed' });
  });
});
