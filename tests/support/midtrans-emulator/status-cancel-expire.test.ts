import { beforeEach, describe, expect, it } from 'vitest';
import {
  bcaCharge,
  chargeBody,
  merchantSideSignature,
  newOrderId,
} from './core-api-test-client.ts';
import { useEmulator } from './emulator-test-setup.ts';

let now = Date.parse('2026-03-01T03:00:00Z');
const midtrans = useEmulator({ now: () => now });
beforeEach(() => {
  now = Date.parse('2026-03-01T03:00:00Z');
});

/** Recomputes the documented signature from the body's own strings (A.4). */
function expectSigned(body: any) {
  const expected = merchantSideSignature(body, midtrans.emulator.serverKey);
  expect(body.signature_key).toBe(expected);
  expect(body.signature_key).toMatch(/^[0-9a-f]{128}$/);
}

const indomaret = () =>
  chargeBody('cstore', newOrderId(), 20000, { cstore: { store: 'indomaret' } });

describe('GET /v2/{id}/status (A.5)', () => {
  it('answers a pending VA with "201", its VA and a signature, by order_id or transaction_id', async () => {
    const charge = await midtrans.api.charge(bcaCharge());
    for (const id of [charge.body.order_id, charge.body.transaction_id]) {
      const reply = await midtrans.api.status(id);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        status_code: '201',
        status_message: 'Success, transaction is found',
        transaction_status: 'pending',
        transaction_id: charge.body.transaction_id,
        order_id: charge.body.order_id,
        gross_amount: '44000.00',
        payment_type: 'bank_transfer',
        va_numbers: charge.body.va_numbers,
        payment_amounts: [],
        fraud_status: 'accept',
        currency: 'IDR',
        expiry_time: charge.body.expiry_time,
      });
      expect(reply.body).not.toHaveProperty('settlement_time');
      expectSigned(reply.body);
    }
  });

  it('answers "200" settlement with settlement_time once paid', async () => {
    const charge = await midtrans.api.charge(bcaCharge());
    now += 30_000;
    midtrans.emulator.pay(charge.body.order_id);
    const reply = await midtrans.api.status(charge.body.order_id);
    expect(reply.body).toMatchObject({
      status_code: '200',
      transaction_status: 'settlement',
      settlement_time: '2026-03-01 10:00:30',
      payment_amounts: [{ paid_at: '2026-03-01 10:00:30', amount: '44000.00' }],
    });
    expectSigned(reply.body);
  });

  it('answers an unknown id with HTTP 200 and body "404"', async () => {
    const reply = await midtrans.api.status('no-such-order');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      status_code: '404',
      status_message: "Transaction doesn't exist.",
      id: expect.any(String),
    });
  });

  it('expires an order past its expiry time on read, "407" with a signature', async () => {
    const charge = await midtrans.api.charge({
      ...bcaCharge(),
      custom_expiry: { expiry_duration: 20, unit: 'second' },
    });
    now += 19_000;
    expect((await midtrans.api.status(charge.body.order_id)).body.transaction_status).toBe(
      'pending',
    );
    now += 1_000;
    const reply = await midtrans.api.status(charge.body.order_id);
    expect(reply.body).toMatchObject({ status_code: '407', transaction_status: 'expire' });
    expectSigned(reply.body);
  });

  it('reports a GoPay order paid by QR as qris, with issuer and acquirer', async () => {
    const charge = await midtrans.api.charge(chargeBody('gopay', newOrderId(), 50000));
    midtrans.emulator.pay(charge.body.order_id, { via: 'qr' });
    const reply = await midtrans.api.status(charge.body.transaction_id);
    expect(reply.body).toMatchObject({
      payment_type: 'qris',
      transaction_status: 'settlement',
      issuer: 'gopay',
      acquirer: 'gopay',
      transaction_type: 'on-us',
    });
  });

  it('repeats the deeplink for a pending ShopeePay order', async () => {
    const charge = await midtrans.api.charge(chargeBody('shopeepay', newOrderId(), 50000));
    const reply = await midtrans.api.status(charge.body.order_id);
    expect(reply.body.actions).toEqual(charge.body.actions);
  });
});

describe('POST /v2/{id}/cancel and /expire (A.5)', () => {
  it('cancels a pending order: "200" cancel, then "202" on status; a second cancel is 412', async () => {
    const charge = await midtrans.api.charge(bcaCharge());
    const reply = await midtrans.api.cancel(charge.body.order_id);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      status_code: '200',
      status_message: 'Success, transaction is canceled',
      transaction_status: 'cancel',
      order_id: charge.body.order_id,
      transaction_id: charge.body.transaction_id,
      gross_amount: '44000.00',
    });
    const status = await midtrans.api.status(charge.body.order_id);
    expect(status.body).toMatchObject({ status_code: '202', transaction_status: 'cancel' });
    expectSigned(status.body);
    const again = await midtrans.api.cancel(charge.body.order_id);
    expect(again.body).toMatchObject({
      status_code: '412',
      status_message: 'Merchant cannot modify the status of the transaction',
    });
  });

  it('expires a pending order at once: "407" expire; settled orders answer 412', async () => {
    const pending = await midtrans.api.charge(
      chargeBody('echannel', newOrderId(), 10000, {
        echannel: { bill_info1: 'a', bill_info2: 'b' },
      }),
    );
    const reply = await midtrans.api.expire(pending.body.transaction_id);
    expect(reply.body).toMatchObject({
      status_code: '407',
      status_message: 'Success, transaction has expired',
      transaction_status: 'expire',
      payment_type: 'echannel',
      gross_amount: '10000.00',
    });
    const paid = await midtrans.api.charge(bcaCharge());
    midtrans.emulator.pay(paid.body.order_id);
    expect((await midtrans.api.expire(paid.body.order_id)).body.status_code).toBe('412');
    expect((await midtrans.api.cancel(paid.body.order_id)).body.status_code).toBe('412');
  });

  it('answers body "404" for cancel or expire of an unknown id', async () => {
    expect((await midtrans.api.cancel('nothing-here')).body.status_code).toBe('404');
    expect((await midtrans.api.expire('nothing-here')).body.status_code).toBe('404');
  });
});

describe('expireDue and reverse', () => {
  it('expireDue expires exactly the pending orders past their time', async () => {
    const short = await midtrans.api.charge(chargeBody('qris', newOrderId(), 1000));
    const long = await midtrans.api.charge(bcaCharge());
    now += 15 * 60_000;
    const expired = midtrans.emulator.expireDue().map((order) => order.orderId);
    expect(expired).toContain(short.body.order_id);
    expect(expired).not.toContain(long.body.order_id);
    expect(midtrans.emulator.order(short.body.order_id)?.status).toBe('expire');
    expect(midtrans.emulator.order(long.body.order_id)?.status).toBe('pending');
  });

  it('reverses a settled Indomaret payment to deny ("202"), and refuses a VA', async () => {
    const store = await midtrans.api.charge(indomaret());
    midtrans.emulator.pay(store.body.order_id);
    expect(midtrans.emulator.reverse(store.body.order_id).status).toBe('deny');
    const status = await midtrans.api.status(store.body.order_id);
    expect(status.body).toMatchObject({ status_code: '202', transaction_status: 'deny' });
    expect(status.body.approval_code).toMatch(/^\d+$/);
    const va = await midtrans.api.charge(bcaCharge());
    midtrans.emulator.pay(va.body.order_id);
    expect(() => midtrans.emulator.reverse(va.body.order_id)).toThrow(/NOT_ALLOWED/);
  });

  it('refuses to pay an order that is not pending', async () => {
    const charge = await midtrans.api.charge(bcaCharge());
    await midtrans.api.cancel(charge.body.order_id);
    expect(() => midtrans.emulator.pay(charge.body.order_id)).toThrow(/NOT_ALLOWED/);
    expect(() => midtrans.emulator.pay('unknown-order')).toThrow(/NOT_FOUND/);
  });
});
