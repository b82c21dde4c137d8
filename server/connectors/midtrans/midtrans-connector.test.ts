import { describe, expect, it } from 'vitest';
import { midtransAnswers } from '../../../tests/support/midtrans-answers.ts';
import {
  BASIC,
  CANCEL,
  CANCELLED,
  CHARGE,
  EXPIRE,
  NOT_ALLOWED,
  NOTIFY,
  PENDING,
  REFF,
  requestFor,
  SERVER_KEY,
  STATUS,
  TIMEOUT_MS,
  useMidtransConnector,
} from '../../../tests/support/midtrans-connector-fixture.ts';
import { createMidtransConnector, MIDTRANS_CATALOG } from './index.ts';

const midtrans = useMidtransConnector();

describe('issue, per channel', () => {
  const returnUrl = requestFor('GOPAY').returnUrl;
  it.each([
    ['VA_BCA', { bank_transfer: { bank: 'bca' } }, midtransAnswers.bca, '812785002530231'],
    ['VA_BNI', { bank_transfer: { bank: 'bni' } }, midtransAnswers.bni, '9888500212345678'],
    ['VA_BRI', { bank_transfer: { bank: 'bri' } }, midtransAnswers.bri, '8578000000111111'],
    [
      'VA_PERMATA',
      { bank_transfer: { bank: 'permata' } },
      midtransAnswers.permata,
      '850003072869607',
    ],
    ['VA_CIMB', { bank_transfer: { bank: 'cimb' } }, midtransAnswers.cimb, '2810490150230740'],
    [
      'VA_MANDIRI',
      { echannel: { bill_info1: 'Payment:', bill_info2: 'Toko Budi' } },
      midtransAnswers.mandiri,
      '778347787706',
    ],
    ['QRIS', { qris: { acquirer: 'gopay' } }, midtransAnswers.qris, REFF],
    [
      'GOPAY',
      { gopay: { enable_callback: true, callback_url: returnUrl } },
      midtransAnswers.gopay,
      REFF,
    ],
    ['SHOPEEPAY', { shopeepay: { callback_url: returnUrl } }, midtransAnswers.shopeepay, REFF],
    [
      'ALFAMART',
      { cstore: { store: 'alfamart', alfamart_free_text_1: 'Toko Budi' } },
      midtransAnswers.alfamart,
      '010811223344',
    ],
    [
      'INDOMARET',
      { cstore: { store: 'indomaret', message: 'Toko Budi' } },
      midtransAnswers.indomaret,
      '25709650945026',
    ],
  ])('charges %s once, as documented', async (code, channelPart, answer, value) => {
    midtrans.script(CHARGE, { body: answer(REFF) });
    const outcome = await midtrans.connector.issue(requestFor(code));

    expect(outcome).toMatchObject({ ok: true, instrument: { value } });
    expect(midtrans.calls()).toEqual([CHARGE]);
    const [charge] = midtrans.received;
    expect(charge!.headers).toMatchObject({
      authorization: BASIC,
      accept: 'application/json',
      'content-type': 'application/json',
      'idempotency-key': REFF,
      'x-override-notification': NOTIFY,
    });
    expect(charge!.body).toEqual({
      payment_type: answer(REFF).payment_type,
      transaction_details: { order_id: REFF, gross_amount: 44_000 },
      custom_expiry: {
        order_time: '2026-12-07 18:28:12 +0700',
        expiry_duration: 900,
        unit: 'second',
      },
      customer_details: { first_name: 'Budi', email: 'budi@example.com' },
      ...channelPart,
    });
  });

  it('gives the instrument the gateway reference and channel details', async () => {
    midtrans.script(CHARGE, { body: midtransAnswers.mandiri(REFF) });
    expect(await midtrans.connector.issue(requestFor('VA_MANDIRI'))).toEqual({
      ok: true,
      instrument: {
        value: '778347787706',
        qrString: null,
        gatewayRef: 'be03df7d-2f97-4c8c-a53c-8959f1b67295',
        details: { kind: 'bill', billerCode: '70012' },
      },
    });
  });

  it('leaves the dashboard notification URL alone when none is set', async () => {
    const plain = createMidtransConnector({ serverKey: SERVER_KEY, baseUrl: midtrans.baseUrl });
    midtrans.script(CHARGE, { body: midtransAnswers.bca(REFF) });
    await plain.issue(requestFor('VA_BCA'));
    expect(midtrans.received[0]!.headers).not.toHaveProperty('x-override-notification');
  });
});

describe('close', () => {
  it.each([
    ['cancel', CANCEL, CANCELLED, 'closed'],
    [
      'expire',
      EXPIRE,
      {
        body: {
          status_code: '407',
          status_message: 'Success, transaction has expired',
          order_id: REFF,
          transaction_status: 'expire',
        },
      },
      'closed',
    ],
    ['cancel', CANCEL, NOT_ALLOWED, 'final'],
    ['expire', EXPIRE, NOT_ALLOWED, 'final'],
    [
      'cancel',
      CANCEL,
      { status: 404, body: { status_code: '404', status_message: "Transaction doesn't exist." } },
      'missing',
    ],
    ['cancel', CANCEL, { status: 503, body: { status_code: '503' } }, 'unavailable'],
    ['expire', EXPIRE, { raw: 'nope' }, 'unavailable'],
    ['cancel', CANCEL, { status: 401, body: { status_code: '401' } }, 'unavailable'],
  ] as const)('%s answered at %s maps to %s (case %#)', async (action, route, reply, closed) => {
    midtrans.script(route, reply);
    expect(await midtrans.connector.close(REFF, action)).toBe(closed);
    expect(midtrans.calls()).toEqual([route]);
    expect(midtrans.received[0]!.body).toBeNull();
    expect(midtrans.received[0]!.headers.authorization).toBe(BASIC);
  });
});

describe('status', () => {
  it('reads a settled order as paid, at its WIB settlement time', async () => {
    midtrans.script(STATUS, {
      body: {
        ...midtransAnswers.bca(REFF),
        status_code: '200',
        transaction_status: 'settlement',
        settlement_time: '2026-12-07 18:40:01',
      },
    });
    expect(await midtrans.connector.status(REFF)).toEqual({
      kind: 'paid',
      amount: 44_000,
      paidAt: new Date('2026-12-07T11:40:01Z'),
      gatewayRef: 'be03df7d-2f97-4c8c-a53c-8959f1b67295',
    });
  });

  it.each([
    [
      'an expired order (407)',
      { body: { status_code: '407', order_id: REFF, transaction_status: 'expire' } },
      { kind: 'ended', as: 'expired' },
    ],
    [
      'an unknown order (404 behind HTTP 200)',
      { body: { status_code: '404', status_message: "Transaction doesn't exist." } },
      { kind: 'missing' },
    ],
    ['a pending order', PENDING, { kind: 'pending' }],
    ['an answer about another order', { body: midtransAnswers.bca('PY-other') }, 'unavailable'],
    ['a bad key (401)', { status: 401, body: { status_code: '401' } }, 'unavailable'],
    ['bad JSON', { raw: '{' }, 'unavailable'],
    [
      'an unknown status',
      { body: { status_code: '201', order_id: REFF, transaction_status: 'authorize' } },
      'unavailable',
    ],
  ])('reads %s', async (_name, reply, state) => {
    midtrans.script(STATUS, reply);
    expect(await midtrans.connector.status(REFF)).toEqual(state);
    expect(midtrans.calls()).toEqual([STATUS]);
  });

  it('is unavailable when Midtrans is too slow', async () => {
    midtrans.script(STATUS, { ...PENDING, delayMs: TIMEOUT_MS * 25 });
    expect(await midtrans.connector.status(REFF)).toBe('unavailable');
  });
});

describe('the connector', () => {
  it('names itself and offers the Midtrans catalog', () => {
    expect(midtrans.connector.name).toBe('midtrans');
    expect(midtrans.connector.isRemote).toBe(true);
    expect(midtrans.connector.catalog).toBe(MIDTRANS_CATALOG);
  });

  it('verifies notifications with its server key', () => {
    // printf '%s' 'PY0123456789ABCDEFGH20044000.00SB-Mid-server-abc123cde456' | openssl dgst -sha512
    const signature_key =
      '5ced6e82aa059a0d34ce0733311491150e61215613f03d41fded223b4bbfbf3f' +
      '6a9d0a0717ac53e6cc5bc7943ae9eebde1421f9bddfdf973da2366dda485dbbd';
    const body = { order_id: REFF, status_code: '200', gross_amount: '44000.00', signature_key };
    expect(midtrans.connector.readNotification(body)).toEqual({ ok: true, orderId: REFF });
    expect(midtrans.connector.readNotification({ ...body, gross_amount: '1.00' })).toEqual({
      ok: false,
      reason: 'unverified',
    });
  });
});
